-- Issue 13 item 7: workers by name, not by the extract's worker ID. A worker's name is their entry on the workers
-- reference list (ADR 0029) when an administrator has named it, otherwise the name of the account carrying that
-- worker ID; a worker with neither stays known by the ID. Pages join this view instead of each working it out.
create view worker_names as
select distinct on (worker_id) worker_id, name
  from (
    select e.code as worker_id, e.name, 1 as preference
      from reference_entries e
     where e.list = 'worker' and e.same_as is null and e.code is not null and e.name <> e.code
    union all
    select u.worker_id, u.display_name, 2
      from users u
     where u.worker_id is not null
  ) named
 order by worker_id, preference;
