-- Board paper editions (issue 14): a service manager drafts an edition of the board paper in Cairn, section by
-- section, and publishes it. Publishing freezes it: the model it was printed from, the PDF, Word and web page
-- bytes and their SHA-256 hashes are kept, and from then on neither the edition, its sections nor its files may
-- change or go (ADR 0030). The repository only ever writes drafts; these triggers refuse the rest.

create table board_paper_editions (
  edition_id text primary key,
  -- The edition's number, 1, 2, 3… in the order they were started: `cairn report board --edition N`.
  edition_number integer not null unique check (edition_number > 0),
  -- The edition it was started from (year on year), if any.
  started_from text references board_paper_editions (edition_id),
  -- The years, baseline and window of its figures, as `cairn stats` takes them.
  figure_options jsonb not null default '{}'::jsonb,
  -- The cover sheet: meeting, held on, agenda item, title, summary, author, recommendations, directions, implications.
  cover jsonb not null,
  status text not null default 'draft' check (status in ('draft', 'published')),
  started_by text not null,
  started_at timestamptz not null default now(),
  changed_by text not null,
  changed_at timestamptz not null default now(),
  published_by text,
  published_at timestamptz,
  -- The frozen model (text, written tables, charts, annex) the published files were printed from, as the JSON
  -- text that was hashed (text, not jsonb, which would reorder its keys).
  frozen_content text,
  -- SHA-256 of frozen_content: the edition's own fingerprint.
  content_sha256 text,
  check ((status = 'draft') = (published_at is null)),
  check ((status = 'draft') = (frozen_content is null))
);

-- One narrative section of an edition: its text and the named blocks (tables, charts, quotes) placed in it.
create table board_paper_sections (
  edition_id text not null references board_paper_editions (edition_id),
  section_key text not null check (section_key ~ '^[a-z][a-z0-9-]{0,39}$'),
  body text not null default '' check (length(body) <= 20000),
  blocks jsonb not null default '[]'::jsonb,
  primary key (edition_id, section_key)
);

-- The printed files of a published edition, byte for byte.
create table board_paper_files (
  edition_id text not null references board_paper_editions (edition_id),
  format text not null check (format in ('pdf', 'docx')),
  bytes bytea not null,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  primary key (edition_id, format)
);

create function board_paper_edition_is_frozen() returns trigger language plpgsql as $$
begin
  if old.status = 'published' then
    raise exception 'board paper edition % is published and cannot be changed', old.edition_number
      using errcode = '55000';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger board_paper_editions_frozen before update or delete on board_paper_editions
  for each row execute function board_paper_edition_is_frozen();

-- Sections and files belong to their edition: none may be added, changed or removed once it is published
-- (the files are written while the edition is still a draft, in the transaction that publishes it).
create function board_paper_part_is_frozen() returns trigger language plpgsql as $$
declare
  edition text;
begin
  edition := case when tg_op = 'DELETE' then old.edition_id else new.edition_id end;
  if tg_op = 'UPDATE' and old.edition_id <> new.edition_id then
    edition := old.edition_id;
  end if;
  perform 1 from board_paper_editions where edition_id = edition and status = 'published';
  if found then
    raise exception 'board paper edition % is published: its % cannot be changed', edition, tg_table_name
      using errcode = '55000';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger board_paper_sections_frozen before insert or update or delete on board_paper_sections
  for each row execute function board_paper_part_is_frozen();
create trigger board_paper_files_frozen before insert or update or delete on board_paper_files
  for each row execute function board_paper_part_is_frozen();
