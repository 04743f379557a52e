/**
 * @module The pack for 2021-22: 2020-21's rules, and the offence ground check the Age of Criminal Responsibility
 * (Scotland) Act 2019 brought in from 17 December 2021.
 */
import { nextPack } from './rulePack.js';
import { pack2020to21 } from './pack2020-21.js';
import { offenceGroundUnder12 } from '../rules/offenceGroundUnder12.js';

export const pack2021to22 = nextPack(pack2020to21, '2021-22', { added: [offenceGroundUnder12] });
