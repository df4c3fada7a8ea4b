-- Usher core schema: venues, events, per-event inventory, holds, orders, tickets, payments,
-- refunds, idempotency records, the inventory change log, users, devices and the audit log.
-- Ids that leave the server are text on the wire; holds, orders, tickets and refunds use random
-- UUIDs so they cannot be guessed or counted.

-- Times cross the driver boundary as microseconds since the Unix epoch: exact, and independent of
-- the session's DateStyle and TimeZone.
CREATE FUNCTION usher_us(t timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT (extract(epoch FROM t) * 1000000)::bigint
$$;
CREATE FUNCTION usher_ts(us bigint) RETURNS timestamptz LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT 'epoch'::timestamptz + us * interval '1 microsecond'
$$;

CREATE TABLE users (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email         text NOT NULL,
    name          text NOT NULL,
    role          text NOT NULL CHECK (role IN ('admin', 'clerk', 'customer')),
    password_hash text NOT NULL,
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

-- Refresh tokens are stored as SHA-256 hashes; a used token is revoked and points at its successor.
CREATE TABLE refresh_tokens (
    token_hash  text PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    expires_at  timestamptz NOT NULL,
    revoked_at  timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id);

-- Failed-login counters per account and per address, shared by every server instance.
CREATE TABLE login_throttle (
    key          text PRIMARY KEY,        -- 'account:<lower email>' or 'address:<ip>'
    failures     integer NOT NULL,
    window_start timestamptz NOT NULL,
    locked_until timestamptz
);

-- Box-office devices (a counter PC); allotments and offline sales hang off them.
CREATE TABLE devices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name       text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE venues (
    id         text PRIMARY KEY,
    name       text NOT NULL,
    city       text NOT NULL,
    timezone   text NOT NULL DEFAULT 'UTC',
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Every saved version of a venue's layout (common/layout JSON); events pin one by copying it.
CREATE TABLE venue_layouts (
    venue_id   text NOT NULL REFERENCES venues (id),
    version    integer NOT NULL,
    layout     jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (venue_id, version)
);

CREATE TABLE events (
    id                       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    venue_id                 text NOT NULL REFERENCES venues (id),
    layout_version           integer NOT NULL,
    layout                   jsonb NOT NULL,          -- snapshot: later layout edits never move sold seats
    name                     text NOT NULL,
    category                 text NOT NULL,           -- concert, theatre, sport, comedy, ...
    description              text NOT NULL DEFAULT '',
    starts_at                timestamptz NOT NULL,
    sale_starts_at           timestamptz NOT NULL,
    sale_ends_at             timestamptz NOT NULL,
    currency                 char(3) NOT NULL,
    price_table              jsonb NOT NULL,          -- common/pricing JSON: categories x ticket types
    min_price                bigint NOT NULL,         -- cached price range for the catalog
    max_price                bigint NOT NULL,
    hold_ttl_seconds         integer NOT NULL CHECK (hold_ttl_seconds BETWEEN 30 AND 3600),
    max_tickets_per_order    integer NOT NULL CHECK (max_tickets_per_order BETWEEN 1 AND 50),
    max_tickets_per_customer integer NOT NULL CHECK (max_tickets_per_customer >= 1),
    last_seq                 bigint NOT NULL DEFAULT 0, -- the change log's last sequence number
    created_at               timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (venue_id, layout_version) REFERENCES venue_layouts (venue_id, version),
    CHECK (sale_starts_at <= sale_ends_at),
    CHECK (min_price <= max_price)
);
CREATE INDEX events_starts_at ON events (starts_at, id);

-- One row per seat per event. The state machine is common/inventory's; the conditions in the
-- server's SQL are the same rules (a held seat whose held_until has passed counts as available).
CREATE TABLE event_seats (
    event_id     bigint NOT NULL REFERENCES events (id),
    seat_id      text NOT NULL,
    category     text NOT NULL,
    state        text NOT NULL DEFAULT 'available'
                 CHECK (state IN ('available', 'held', 'sold', 'blocked', 'allotted')),
    hold_id      uuid,
    held_until   timestamptz,
    order_id     uuid,
    block_reason text,
    allotment    text,
    PRIMARY KEY (event_id, seat_id),
    CHECK ((state = 'held') = (hold_id IS NOT NULL AND held_until IS NOT NULL)),
    CHECK ((state = 'sold') = (order_id IS NOT NULL))
);

-- General admission: counters with the same hold, commit and expiry rules as seats.
CREATE TABLE event_ga_areas (
    event_id bigint NOT NULL REFERENCES events (id),
    area_id  text NOT NULL,
    category text NOT NULL,
    capacity integer NOT NULL CHECK (capacity >= 0),
    held     integer NOT NULL DEFAULT 0 CHECK (held >= 0),
    sold     integer NOT NULL DEFAULT 0 CHECK (sold >= 0),
    PRIMARY KEY (event_id, area_id),
    CHECK (held + sold <= capacity)
);

CREATE TABLE holds (
    id           uuid PRIMARY KEY,
    event_id     bigint NOT NULL REFERENCES events (id),
    user_id      bigint NOT NULL REFERENCES users (id),
    state        text NOT NULL DEFAULT 'active'
                 CHECK (state IN ('active', 'released', 'expired', 'committed')),
    expires_at   timestamptz NOT NULL,
    extend_count integer NOT NULL DEFAULT 0,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX holds_active_expiry ON holds (expires_at) WHERE state = 'active';
CREATE INDEX holds_user_event ON holds (user_id, event_id) WHERE state = 'active';

CREATE TABLE hold_seats (
    hold_id  uuid NOT NULL REFERENCES holds (id),
    seat_id  text NOT NULL,
    category text NOT NULL,
    PRIMARY KEY (hold_id, seat_id)
);

-- `active` lines count in their area's `held` counter until released, expired or committed.
CREATE TABLE hold_ga_lines (
    hold_id    uuid NOT NULL REFERENCES holds (id),
    event_id   bigint NOT NULL,
    area_id    text NOT NULL,
    quantity   integer NOT NULL CHECK (quantity > 0),
    expires_at timestamptz NOT NULL,
    active     boolean NOT NULL DEFAULT true,
    PRIMARY KEY (hold_id, area_id),
    FOREIGN KEY (event_id, area_id) REFERENCES event_ga_areas (event_id, area_id)
);
CREATE INDEX hold_ga_lines_active ON hold_ga_lines (event_id, area_id, expires_at) WHERE active;

CREATE SEQUENCE order_numbers START 100001;

CREATE TABLE orders (
    id         uuid PRIMARY KEY,
    number     text NOT NULL UNIQUE,
    event_id   bigint NOT NULL REFERENCES events (id),
    user_id    bigint NOT NULL REFERENCES users (id),  -- the customer, or the clerk who sold it
    hold_id    uuid NOT NULL UNIQUE REFERENCES holds (id),
    channel    text NOT NULL CHECK (channel IN ('online', 'box_office')),
    status     text NOT NULL DEFAULT 'paid' CHECK (status IN ('paid', 'partially_refunded', 'refunded')),
    total      bigint NOT NULL CHECK (total >= 0),
    currency   char(3) NOT NULL,
    change_due bigint CHECK (change_due >= 0),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_user ON orders (user_id, event_id);

CREATE TABLE refunds (
    id         uuid PRIMARY KEY,
    order_id   uuid NOT NULL REFERENCES orders (id),
    reason     text NOT NULL,
    amount     bigint NOT NULL CHECK (amount >= 0),
    created_by bigint NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tickets (
    id          uuid PRIMARY KEY,
    order_id    uuid NOT NULL REFERENCES orders (id),
    event_id    bigint NOT NULL REFERENCES events (id),
    position    integer NOT NULL,
    seat_id     text,
    ga_area_id  text,
    ticket_type text NOT NULL,
    price       bigint NOT NULL CHECK (price >= 0),
    code        text NOT NULL UNIQUE,
    signature   text NOT NULL,
    status      text NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'checked_in', 'refunded')),
    refund_id   uuid REFERENCES refunds (id),
    CHECK ((seat_id IS NULL) <> (ga_area_id IS NULL)),
    UNIQUE (order_id, position)
);
-- Invariant 1 in the schema itself: a seat has at most one live ticket per event.
CREATE UNIQUE INDEX tickets_one_live_per_seat ON tickets (event_id, seat_id)
    WHERE seat_id IS NOT NULL AND status <> 'refunded';

CREATE TABLE payments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   uuid NOT NULL REFERENCES orders (id),
    kind       text NOT NULL CHECK (kind IN ('charge', 'refund')),
    method     text NOT NULL CHECK (method IN ('cash', 'card_present', 'test_card')),
    amount     bigint NOT NULL CHECK (amount >= 0),
    currency   char(3) NOT NULL,
    tendered   bigint,
    reference  text,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per (user, operation, key). `response` is null while the first request is in flight.
CREATE TABLE idempotency_keys (
    user_id       bigint NOT NULL REFERENCES users (id),
    scope         text NOT NULL,        -- 'commit:<hold id>' or 'refund:<order id>'
    key           text NOT NULL,
    request_hash  text NOT NULL,
    status        integer,
    response      text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, key)
);

-- Every inventory change, in the same transaction as the change, numbered without gaps per event.
CREATE TABLE inventory_changes (
    event_id     bigint NOT NULL REFERENCES events (id),
    seq          bigint NOT NULL,
    seat_id      text,
    state        text,
    ga_area_id   text,
    ga_available integer,
    changed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, seq),
    CHECK ((seat_id IS NOT NULL AND state IS NOT NULL) <> (ga_area_id IS NOT NULL AND ga_available IS NOT NULL))
);

-- Append-only, hash-chained: each row's hash covers its content and the previous row's hash, so
-- editing or deleting a row breaks the chain from there on. The head row serialises appends.
CREATE TABLE audit_log (
    id        bigint PRIMARY KEY,
    at        timestamptz NOT NULL DEFAULT now(),
    actor_id  bigint,
    action    text NOT NULL,
    subject   text NOT NULL,
    details   jsonb NOT NULL DEFAULT '{}',
    prev_hash text NOT NULL,
    hash      text NOT NULL
);
CREATE TABLE audit_head (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_id   bigint NOT NULL,
    last_hash text NOT NULL
);
INSERT INTO audit_head (last_id, last_hash) VALUES (0, repeat('0', 64));

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();

-- The text a row's hash covers: a JSON array is unambiguous whatever the fields contain, and the
-- time is formatted explicitly so the hash does not depend on session settings.
CREATE FUNCTION audit_row_hash(p_prev_hash text, p_id bigint, p_at timestamptz, p_actor bigint,
                               p_action text, p_subject text, p_details jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        p_prev_hash, p_id, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        p_actor, p_action, p_subject, p_details)::text, 'UTF8')), 'hex')
$$;

-- Appends one row; call it last in a transaction, since it holds the head row until commit.
CREATE FUNCTION audit_append(p_actor bigint, p_action text, p_subject text, p_details jsonb)
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    head audit_head;
    new_id bigint;
    ts timestamptz := now();
    h text;
BEGIN
    SELECT * INTO head FROM audit_head FOR UPDATE;
    new_id := head.last_id + 1;
    h := audit_row_hash(head.last_hash, new_id, ts, p_actor, p_action, p_subject, p_details);
    INSERT INTO audit_log (id, at, actor_id, action, subject, details, prev_hash, hash)
        VALUES (new_id, ts, p_actor, p_action, p_subject, p_details, head.last_hash, h);
    UPDATE audit_head SET last_id = new_id, last_hash = h;
    RETURN new_id;
END;
$$;

-- The id of the first row whose hash or link does not match, or null when the chain is intact.
CREATE FUNCTION audit_first_broken_row() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    r audit_log;
    expected_prev text := repeat('0', 64);
    expected_id bigint := 1;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        IF r.id <> expected_id OR r.prev_hash <> expected_prev
           OR r.hash <> audit_row_hash(r.prev_hash, r.id, r.at, r.actor_id, r.action, r.subject, r.details) THEN
            RETURN expected_id;
        END IF;
        expected_prev := r.hash;
        expected_id := r.id + 1;
    END LOOP;
    IF (SELECT last_id FROM audit_head) <> expected_id - 1 THEN
        RETURN expected_id;
    END IF;
    RETURN NULL;
END;
$$;
