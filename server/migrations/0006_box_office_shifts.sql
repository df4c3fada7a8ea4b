-- The box office's evening: shifts at a device, split tenders, customers named on walk-up orders
-- (for lookup), and reissued tickets whose old codes are void.

-- A clerk's shift at one device (a till and its cash drawer). Every box-office payment and refund
-- names one; one shift per device is open at a time. The counted figures arrive when it closes.
CREATE TABLE shifts (
    id                   uuid PRIMARY KEY,
    device_id            bigint NOT NULL REFERENCES devices (id),
    user_id              bigint NOT NULL REFERENCES users (id),
    currency             char(3) NOT NULL,
    opening_float        bigint NOT NULL CHECK (opening_float >= 0),
    opened_at            timestamptz NOT NULL DEFAULT now(),
    closed_at            timestamptz,
    closed_by            bigint REFERENCES users (id),
    counted_cash         bigint CHECK (counted_cash >= 0),
    counted_card_present bigint CHECK (counted_card_present >= 0),
    CHECK ((closed_at IS NULL) = (counted_cash IS NULL) AND (closed_at IS NULL) = (closed_by IS NULL))
);
CREATE UNIQUE INDEX shifts_one_open_per_device ON shifts (device_id) WHERE closed_at IS NULL;
CREATE TRIGGER shifts_never_deleted BEFORE DELETE ON shifts FOR EACH STATEMENT EXECUTE FUNCTION usher_refuse_delete();
CREATE TRIGGER shifts_never_truncated BEFORE TRUNCATE ON shifts FOR EACH STATEMENT EXECUTE FUNCTION usher_refuse_delete();

-- Online orders and payments have no shift: the keys' triggers stop at the NULL without a query,
-- so the flash sale's writes do not pay for them.
ALTER TABLE orders ADD COLUMN shift_id uuid REFERENCES shifts (id);
ALTER TABLE orders ADD COLUMN customer_name text;
ALTER TABLE orders ADD COLUMN customer_email text;
ALTER TABLE payments ADD COLUMN shift_id uuid REFERENCES shifts (id);
ALTER TABLE refunds ADD COLUMN shift_id uuid REFERENCES shifts (id);
CREATE INDEX orders_shift ON orders (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX payments_shift ON payments (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX refunds_shift ON refunds (shift_id) WHERE shift_id IS NOT NULL;
CREATE INDEX tickets_refund ON tickets (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX payments_order ON payments (order_id);

-- A reprint gives a ticket a new code; the old one is kept here so that a scanner can say why it
-- is refused.
CREATE TABLE voided_ticket_codes (
    code      text PRIMARY KEY,
    ticket_id uuid NOT NULL REFERENCES tickets (id),
    voided_at timestamptz NOT NULL DEFAULT now(),
    voided_by bigint NOT NULL REFERENCES users (id)
);
