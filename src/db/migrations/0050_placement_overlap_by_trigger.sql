-- One placement at a time for a child, checked by a deferred constraint trigger over a btree index instead of
-- a GiST exclusion constraint (ADR 0016). Maintaining the GiST index on (child_id text, daterange) was most of
-- an import's time: about 40 times the cost of a btree on (child_id, start_date) for the same rows.
--
-- The rule is the constraint's exactly: two placements of one child may not share a day, with an end date the
-- first day a placement no longer holds (daterange '[)'), so a move on the day the last one ends is allowed and
-- a zero-length placement overlaps nothing. The error is the constraint's too: SQLSTATE 23P01, constraint
-- placements_no_overlap, table placements.
--
-- Concurrency: the trigger locks the child's row (as Cairn's own writes do when they place a child) before it
-- looks, and runs at commit; in READ COMMITTED, which every Cairn write uses, the look then sees every placement
-- committed by a transaction that placed the same child first.

alter table placements drop constraint placements_no_overlap;
create index placements_child_idx on placements (child_id, start_date);

create function placement_overlaps_none() returns trigger language plpgsql as $$
declare
  placement record;
  other record;
begin
  -- The row as it is now: the trigger was queued when it was written, and it may have changed or gone since.
  select placement_id, child_id, start_date, end_date into placement from placements where placement_id = new.placement_id;
  if not found then
    return new;
  end if;
  perform 1 from children where child_id = placement.child_id for no key update;
  select p.placement_id, p.start_date, p.end_date into other
    from placements p
   where p.child_id = placement.child_id
     and p.placement_id <> placement.placement_id
     and p.start_date < coalesce(placement.end_date, 'infinity'::date)
     and daterange(p.start_date, p.end_date, '[)') && daterange(placement.start_date, placement.end_date, '[)')
   limit 1;
  if found then
    raise exception 'conflicting key value violates exclusion constraint "placements_no_overlap"'
      using errcode = '23P01', constraint = 'placements_no_overlap', table = 'placements',
            detail = format('Placement %s (%s to %s) overlaps placement %s (%s to %s) of child %s.',
                            placement.placement_id, placement.start_date, coalesce(placement.end_date::text, 'open'),
                            other.placement_id, other.start_date, coalesce(other.end_date::text, 'open'), placement.child_id);
  end if;
  return new;
end;
$$;

create constraint trigger placements_no_overlap after insert or update on placements
  deferrable initially deferred for each row execute function placement_overlaps_none();
