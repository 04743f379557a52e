-- Issue 13 item 6: reference lists maintained by administrators (ADR 0029). Records keep the entry's name (a worker:
-- its worker ID) as they did before, so figures group by the list entry; renaming or merging an entry rewrites every
-- use in one transaction. An entry is never deleted: it is retired (kept on records, no longer offered) or, when it
-- turns out to be another spelling of an entry, merged into it and kept as that entry's other name (same_as), so an
-- import bringing that spelling again lands on the entry it was merged into.
create table reference_entries (
  entry_id integer generated always as identity primary key,
  list text not null check (list in ('team', 'school_cluster', 'school', 'worker', 'partner_agency', 'participant_role')),
  name text not null check (length(btrim(name)) between 1 and 200),
  code text check (code is null or length(btrim(code)) between 1 and 64),
  -- The name (a worker: the worker ID) in lower case without spaces: two entries may not share it.
  match_key text not null check (match_key <> ''),
  retired_on date,
  same_as integer references reference_entries (entry_id),
  added_at timestamptz not null default now(),
  constraint reference_entries_one_per_key unique (list, match_key),
  constraint reference_entries_not_same_as_itself check (same_as is null or same_as <> entry_id),
  constraint reference_entries_worker_has_code check (list <> 'worker' or code is not null)
);
create index reference_entries_list_idx on reference_entries (list, name);

-- Seeded from the values records already hold, so existing data and figures are unchanged. Values that differ only
-- in case or spaces become one entry, named by the commonest spelling; the records keep their spelling until an
-- administrator merges or an import maps them.
insert into reference_entries (list, name, match_key)
select distinct on (list, match_key) list, name, match_key
  from (
    select list, btrim(value) as name, lower(regexp_replace(value, '\s', '', 'g')) as match_key, count(*) as uses
      from (
        select 'team' as list, team as value from cases
        union all select 'team', team from users
        union all select 'team', team from referral_intake
        union all select 'team', team from training_staff
        union all select 'team', team from case_file_audit_files
        union all select 'school_cluster', school_cluster from children
        union all select 'school_cluster', school_cluster from referrals
        union all select 'school_cluster', school_cluster from referral_intake
        union all select 'school', school from children
        union all select 'partner_agency', agency from key_people
      ) used
     where value is not null and btrim(value) <> '' and length(btrim(value)) <= 200
     group by 1, 2, 3
  ) counted
 order by list, match_key, uses desc, name;

-- Workers by their worker ID (the extract's worker_id), named as their account is when they have one.
insert into reference_entries (list, name, code, match_key)
select distinct on (lower(regexp_replace(ids.worker_id, '\s', '', 'g')))
       'worker', coalesce(u.display_name, ids.worker_id), ids.worker_id, lower(regexp_replace(ids.worker_id, '\s', '', 'g'))
  from (select worker_id from cases union select worker_id from users) ids
  left join users u on u.worker_id = ids.worker_id
 where ids.worker_id is not null and btrim(ids.worker_id) <> ''
 order by lower(regexp_replace(ids.worker_id, '\s', '', 'g')), u.display_name nulls last, ids.worker_id;

-- Starting lists for the two kinds nothing recorded before: administrators rename, retire or add to them.
insert into reference_entries (list, name, match_key)
select list, name, lower(regexp_replace(name, '\s', '', 'g'))
  from (values
    ('partner_agency', 'Police Scotland'), ('partner_agency', 'Health visiting'), ('partner_agency', 'School nursing'),
    ('partner_agency', 'Education'), ('partner_agency', 'Children''s Reporter (SCRA)'), ('partner_agency', 'Adult mental health services'),
    ('partner_agency', 'Drug and alcohol services'), ('partner_agency', 'Housing'), ('partner_agency', 'Third sector'),
    ('participant_role', 'Social worker'), ('participant_role', 'Team manager'), ('participant_role', 'Parent or carer'),
    ('participant_role', 'Child or young person'), ('participant_role', 'Health visitor'), ('participant_role', 'Teacher'),
    ('participant_role', 'Police officer'), ('participant_role', 'Advocate'), ('participant_role', 'Chair')
  ) as starting (list, name)
on conflict (list, match_key) do nothing;
