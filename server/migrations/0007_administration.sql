-- Administration: optimistic concurrency for venues and events (ETag / If-Match), event status and
-- doors time, seat blocks (holds and kills) with a reason, a colour and an optional release time,
-- and allotments of seats and standing places to a sales channel or a box-office device.

ALTER TABLE venues ADD COLUMN revision integer NOT NULL DEFAULT 1;

ALTER TABLE events ADD COLUMN status text NOT NULL DEFAULT 'on_sale'
    CHECK (status IN ('draft', 'on_sale', 'cancelled'));
ALTER TABLE events ADD COLUMN doors_at timestamptz;
ALTER TABLE events ADD COLUMN revision integer NOT NULL DEFAULT 1;
ALTER TABLE events ADD COLUMN cancelled_at timestamptz;

-- Seats taken off sale by the house: house seats, production, press, a broken seat. Seats point at
-- their block while blocked; a released block keeps its row for the record.
CREATE TABLE seat_blocks (
    id          uuid PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES events (id),
    reason      text NOT NULL,
    color       text NOT NULL,
    release_at  timestamptz,
    created_by  bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    released_at timestamptz,
    released_by bigint REFERENCES users (id)
);
CREATE INDEX seat_blocks_due ON seat_blocks (release_at) WHERE released_at IS NULL AND release_at IS NOT NULL;
CREATE INDEX seat_blocks_event ON seat_blocks (event_id);
ALTER TABLE event_seats ADD COLUMN block_id uuid REFERENCES seat_blocks (id);

-- A block of seats and standing places given to one sales channel ('box_office', 'partner:...')
-- or to one box-office device, which then sells them offline. Allotted standing places leave the
-- area's public capacity while the allotment lasts.
CREATE TABLE allotments (
    id          uuid PRIMARY KEY,
    event_id    bigint NOT NULL REFERENCES events (id),
    channel     text NOT NULL,
    device_id   bigint REFERENCES devices (id),
    note        text NOT NULL DEFAULT '',
    created_by  bigint NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    released_at timestamptz,
    released_by bigint REFERENCES users (id)
);
CREATE INDEX allotments_event ON allotments (event_id);
CREATE TABLE allotment_ga_places (
    allotment_id uuid NOT NULL REFERENCES allotments (id),
    event_id     bigint NOT NULL,
    area_id      text NOT NULL,
    quantity     integer NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (allotment_id, area_id),
    FOREIGN KEY (event_id, area_id) REFERENCES event_ga_areas (event_id, area_id)
);
