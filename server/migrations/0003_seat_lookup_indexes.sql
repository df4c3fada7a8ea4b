-- Releasing, extending and committing a hold find its seats by hold_id, and refunds find an order's
-- seats by order_id; without these each of them read every seat of the event (18,000 in an arena)
-- while holding the event's row lock.
CREATE INDEX event_seats_hold ON event_seats (hold_id) WHERE hold_id IS NOT NULL;
CREATE INDEX event_seats_order ON event_seats (order_id) WHERE order_id IS NOT NULL;
