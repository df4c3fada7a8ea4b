-- The tables a sale writes on every hold, release and commit lose their foreign keys. Each key
-- cost one trigger query per inserted row (about 200,000 in an 18,000-seat flash sale, 13% of the
-- database's CPU) to protect against something that cannot happen here: the parents (events,
-- users, holds, orders, GA areas) are never deleted, and the server writes every child in the same
-- transaction as its parent or after reading it. What the keys guarded is kept in two other ways:
--   * deleting or truncating a parent is refused by usher_refuse_delete below;
--   * usher_orphan_rows() counts children whose parent is missing; the server tests and the
--     flash-sale benchmark's SQL check require it to find none.
-- The keys on cold tables (layouts, event seats and GA areas, refunds, refresh tokens) stay.
ALTER TABLE holds DROP CONSTRAINT holds_event_id_fkey;
ALTER TABLE holds DROP CONSTRAINT holds_user_id_fkey;
ALTER TABLE hold_seats DROP CONSTRAINT hold_seats_hold_id_fkey;
ALTER TABLE hold_ga_lines DROP CONSTRAINT hold_ga_lines_hold_id_fkey;
ALTER TABLE hold_ga_lines DROP CONSTRAINT hold_ga_lines_event_id_area_id_fkey;
ALTER TABLE orders DROP CONSTRAINT orders_event_id_fkey;
ALTER TABLE orders DROP CONSTRAINT orders_user_id_fkey;
ALTER TABLE orders DROP CONSTRAINT orders_hold_id_fkey;
ALTER TABLE tickets DROP CONSTRAINT tickets_order_id_fkey;
ALTER TABLE tickets DROP CONSTRAINT tickets_event_id_fkey;
ALTER TABLE payments DROP CONSTRAINT payments_order_id_fkey;
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_user_id_fkey;
ALTER TABLE inventory_changes DROP CONSTRAINT inventory_changes_event_id_fkey;

CREATE FUNCTION usher_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'rows of % are never deleted (sales and the change log refer to them)', TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END;
$$;
DO $$
DECLARE
    parent text;
BEGIN
    FOREACH parent IN ARRAY ARRAY['events', 'users', 'holds', 'orders', 'event_ga_areas'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION usher_refuse_delete()', parent || '_never_deleted', parent);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
                       'EXECUTE FUNCTION usher_refuse_delete()', parent || '_never_truncated', parent);
    END LOOP;
END;
$$;

-- One row per dropped key with the number of children whose parent does not exist; all zero when
-- the data is consistent.
CREATE FUNCTION usher_orphan_rows() RETURNS TABLE (child text, parent text, orphans bigint)
LANGUAGE sql STABLE AS $$
    SELECT 'holds', 'events', count(*) FROM holds c WHERE NOT EXISTS (SELECT FROM events p WHERE p.id = c.event_id)
    UNION ALL
    SELECT 'holds', 'users', count(*) FROM holds c WHERE NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id)
    UNION ALL
    SELECT 'hold_seats', 'holds', count(*) FROM hold_seats c WHERE NOT EXISTS (SELECT FROM holds p WHERE p.id = c.hold_id)
    UNION ALL
    SELECT 'hold_ga_lines', 'holds', count(*) FROM hold_ga_lines c
        WHERE NOT EXISTS (SELECT FROM holds p WHERE p.id = c.hold_id)
    UNION ALL
    SELECT 'hold_ga_lines', 'event_ga_areas', count(*) FROM hold_ga_lines c
        WHERE NOT EXISTS (SELECT FROM event_ga_areas p WHERE p.event_id = c.event_id AND p.area_id = c.area_id)
    UNION ALL
    SELECT 'orders', 'events', count(*) FROM orders c WHERE NOT EXISTS (SELECT FROM events p WHERE p.id = c.event_id)
    UNION ALL
    SELECT 'orders', 'users', count(*) FROM orders c WHERE NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id)
    UNION ALL
    SELECT 'orders', 'holds', count(*) FROM orders c WHERE NOT EXISTS (SELECT FROM holds p WHERE p.id = c.hold_id)
    UNION ALL
    SELECT 'tickets', 'orders', count(*) FROM tickets c WHERE NOT EXISTS (SELECT FROM orders p WHERE p.id = c.order_id)
    UNION ALL
    SELECT 'tickets', 'events', count(*) FROM tickets c WHERE NOT EXISTS (SELECT FROM events p WHERE p.id = c.event_id)
    UNION ALL
    SELECT 'payments', 'orders', count(*) FROM payments c WHERE NOT EXISTS (SELECT FROM orders p WHERE p.id = c.order_id)
    UNION ALL
    SELECT 'idempotency_keys', 'users', count(*) FROM idempotency_keys c
        WHERE NOT EXISTS (SELECT FROM users p WHERE p.id = c.user_id)
    UNION ALL
    SELECT 'inventory_changes', 'events', count(*) FROM inventory_changes c
        WHERE NOT EXISTS (SELECT FROM events p WHERE p.id = c.event_id)
$$;
