-- Bookings can be cancelled or have their dates changed, as amendments (issue 12, ADR 0026), and are versioned so two
-- managers changing one booking at once are merged field by field (ADR 0020). A cancelled booking stays, for its
-- history, but no longer holds the place: it is left out of the double-booking rule and of every figure.
alter table place_bookings add column version integer not null default 1;
alter table place_bookings add column cancelled boolean not null default false;
alter table place_bookings drop constraint place_bookings_no_double_booking;
alter table place_bookings add constraint place_bookings_no_double_booking
  exclude using gist (place_id with =, daterange(start_date, end_date, '[)') with &&) where (not cancelled);
