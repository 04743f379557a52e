/** @module Fictional names: seeded faker (en_GB) mixed with names common in Scotland, never a real child's record. */
import type { Faker } from '@faker-js/faker';
// The en_GB entry point loads one locale, not faker's hundred (half a second at start-up).
import { faker as sharedFaker } from '@faker-js/faker/locale/en_GB';
import { createRandom } from '../../platform/random/seededRandom.js';

/** faker's own class, reached through its en_GB instance, so the demo seeds an instance of its own and never the shared one. */
const FakerWithLocale = sharedFaker.constructor as new (options: { locale: Faker['rawDefinitions']; seed?: number }) => Faker;

const girls = [
  'Olivia', 'Emily', 'Isla', 'Sophie', 'Ava', 'Amelia', 'Jessica', 'Ella', 'Lucy', 'Charlotte', 'Grace', 'Chloe',
  'Ellie', 'Freya', 'Millie', 'Eilidh', 'Erin', 'Hannah', 'Katie', 'Lily', 'Mia', 'Rebecca', 'Rachel', 'Amy',
  'Megan', 'Caitlin', 'Ruby', 'Eva', 'Evie', 'Skye', 'Holly', 'Abbie', 'Niamh', 'Leah', 'Orla', 'Poppy', 'Rosie',
  'Zara', 'Lauren', 'Iona', 'Ailsa', 'Morven', 'Anna', 'Emma', 'Sophia', 'Harper', 'Aria', 'Maisie', 'Georgia',
  'Kayla', 'Paige', 'Shannon', 'Brooke', 'Heather', 'Kirsty', 'Nicole', 'Robyn', 'Abigail', 'Isabella', 'Layla',
];
const boys = [
  'Jack', 'James', 'Lewis', 'Oliver', 'Noah', 'Harris', 'Leo', 'Alexander', 'Rory', 'Charlie', 'Logan', 'Lucas',
  'Finlay', 'Ethan', 'Daniel', 'Callum', 'Cameron', 'Ryan', 'Kyle', 'Liam', 'Aaron', 'Jamie', 'Dylan', 'Matthew',
  'Adam', 'Max', 'Archie', 'Harry', 'Thomas', 'Euan', 'Ruaridh', 'Fraser', 'Calum', 'Josh', 'Connor', 'Mason',
  'Tyler', 'Ben', 'Murray', 'Sam', 'Jacob', 'Andrew', 'Luke', 'Reece', 'Blair', 'Arran', 'Hamish', 'Alfie',
  'Freddie', 'Cooper', 'Brodie', 'Kai', 'Owen', 'Jayden', 'Declan', 'Craig', 'Scott', 'Lachlan', 'Ross', 'Struan',
];
const surnames = [
  'Smith', 'Brown', 'Wilson', 'Campbell', 'Stewart', 'Thomson', 'Robertson', 'Anderson', 'Macdonald', 'Scott',
  'Reid', 'Murray', 'Taylor', 'Clark', 'Ross', 'Watson', 'Morrison', 'Paterson', 'Young', 'Mitchell', 'Walker',
  'Fraser', 'Miller', 'McDonald', 'Gray', 'Henderson', 'Hamilton', 'Johnston', 'Duncan', 'Graham', 'Ferguson',
  'Kerr', 'Davidson', 'Bell', 'Cameron', 'Kelly', 'Martin', 'Hunter', 'Allan', 'Mackenzie', 'Grant', 'Simpson',
  'MacLeod', 'Mackay', 'McLean', 'Wallace', 'Black', 'Russell', 'Marshall', 'Gibson', 'Boyd', 'Muir', 'Lindsay',
  'Docherty', 'Sinclair', 'McIntyre', 'Millar', 'Burns', 'Kennedy', 'Craig', 'Hughes', 'Crawford', 'Dunn', 'Shaw',
  'Baird', 'Gordon', 'Jamieson', 'Milne', 'Findlay', 'Ritchie', 'Currie', 'Dickson', 'Rennie', 'Forbes', 'Hay',
  'Aitken', 'Donaldson', 'McGregor', 'Munro', "O'Neill", 'McMillan', 'Gallacher', 'Quinn', 'Lennox', 'Kirkwood',
];

export type Sex = 'M' | 'F' | 'X' | 'U';

export interface NameMaker {
  forename(sex: Sex): string;
  surname(): string;
}

/**
 * Names from a seeded faker of its own (en_GB): one in five from faker's person names, the rest from the
 * lists above, chosen by the seeded stream `names`.
 * @example const names = nameMaker(2021); names.forename('F') // 'Eilidh'
 */
export function nameMaker(seed: number): NameMaker {
  const faker = new FakerWithLocale({ locale: sharedFaker.rawDefinitions, seed });
  const random = createRandom(seed, 'names');
  return {
    forename(sex) {
      const girl = sex === 'F' || (sex !== 'M' && random.chance(0.5));
      if (random.chance(0.2)) return faker.person.firstName(girl ? 'female' : 'male');
      return random.pick(girl ? girls : boys);
    },
    surname() {
      if (random.chance(0.2)) return faker.person.lastName();
      return random.pick(surnames);
    },
  };
}
