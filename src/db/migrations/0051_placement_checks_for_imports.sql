-- An import checks its placements once, set-based, instead of queueing two deferred per-row triggers for each
-- (ADR 0033): at 150,000 children that was over 200,000 PL/pgSQL calls at commit. The rules and errors are the
-- triggers' exactly (placement_within_episode in 0001, placement_overlaps_none in 0050).
--
-- The importer says so for its own transaction only (set_config(..., true)), then calls check_imported_placements
-- with the ids it wrote as its last statement before commit, where the deferred triggers would have run. Every other
-- writer leaves the setting unset and keeps the per-row triggers.

drop trigger placements_within_episode on placements;
create constraint trigger placements_within_episode after insert or update on placements
  deferrable initially deferred for each row
  when (current_setting('cairn.placements_checked_by_import', true) is distinct from 'on')
  execute function placement_within_episode();

drop trigger placements_no_overlap on placements;
create constraint trigger placements_no_overlap after insert or update on placements
  deferrable initially deferred for each row
  when (current_setting('cairn.placements_checked_by_import', true) is distinct from 'on')
  execute function placement_overlaps_none();

create function check_imported_placements(imported text[]) returns void language plpgsql as $$
declare
  placement record;
begin
  select p.placement_id, p.episode_id into placement
    from unnest(imported) as i (placement_id)
    join placements p on p.placement_id = i.placement_id
    join looked_after_episodes e on e.episode_id = p.episode_id
   where p.start_date < e.start_date
      or (e.end_date is not null and (p.end_date is null or p.end_date > e.end_date))
   limit 1;
  if found then
    raise exception 'placement % lies outside its episode %', placement.placement_id, placement.episode_id
      using errcode = '23514';
  end if;

  -- As the overlap trigger does: lock each placed child's row (in one order) before looking.
  perform 1 from children
   where child_id in (select p.child_id from unnest(imported) as i (placement_id) join placements p on p.placement_id = i.placement_id)
   order by child_id
     for no key update;
  select p.placement_id, p.child_id, p.start_date, p.end_date,
         o.placement_id as other_id, o.start_date as other_start, o.end_date as other_end into placement
    from unnest(imported) as i (placement_id)
    join placements p on p.placement_id = i.placement_id
    join placements o on o.child_id = p.child_id
                     and o.placement_id <> p.placement_id
                     and o.start_date < coalesce(p.end_date, 'infinity'::date)
                     and daterange(o.start_date, o.end_date, '[)') && daterange(p.start_date, p.end_date, '[)')
   limit 1;
  if found then
    raise exception 'conflicting key value violates exclusion constraint "placements_no_overlap"'
      using errcode = '23P01', constraint = 'placements_no_overlap', table = 'placements',
            detail = format('Placement %s (%s to %s) overlaps placement %s (%s to %s) of child %s.',
                            placement.placement_id, placement.start_date, coalesce(placement.end_date::text, 'open'),
                            placement.other_id, placement.other_start, coalesce(placement.other_end::text, 'open'), placement.child_id);
  end if;
end;
$$;
