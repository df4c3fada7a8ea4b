-- 0 means "no per-customer limit": big arenas often cap only each order.
ALTER TABLE events DROP CONSTRAINT events_max_tickets_per_customer_check;
ALTER TABLE events ADD CONSTRAINT events_max_tickets_per_customer_check CHECK (max_tickets_per_customer >= 0);
