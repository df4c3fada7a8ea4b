-- Appends a batch of audit rows with one lock of the head row, one insert and one head update,
-- chained in array order exactly as audit_append would chain them one by one. A batch of commits
-- called audit_append once per order: three statements and a new version of the head row each.
CREATE FUNCTION audit_append_all(p_action text, p_actors bigint[], p_subjects text[], p_details jsonb[])
RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    head audit_head;
    ts timestamptz := now();
    n integer := coalesce(array_length(p_actors, 1), 0);
    ids bigint[] := ARRAY[]::bigint[];
    prevs text[] := ARRAY[]::text[];
    hashes text[] := ARRAY[]::text[];
    h text;
BEGIN
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    SELECT * INTO head FROM audit_head FOR UPDATE;
    h := head.last_hash;
    FOR i IN 1 .. n LOOP
        ids := ids || (head.last_id + i);
        prevs := prevs || h;
        h := audit_row_hash(h, head.last_id + i, ts, p_actors[i], p_action, p_subjects[i], p_details[i]);
        hashes := hashes || h;
    END LOOP;
    INSERT INTO audit_log (id, at, actor_id, action, subject, details, prev_hash, hash)
        SELECT r.id, ts, r.actor, p_action, r.subject, r.details, r.prev, r.hash
        FROM unnest(ids, p_actors, p_subjects, p_details, prevs, hashes) AS r(id, actor, subject, details, prev, hash);
    UPDATE audit_head SET last_id = head.last_id + n, last_hash = h;
    RETURN head.last_id + n;
END;
$$;

-- to_char is STABLE, so declared IMMUTABLE the hash function was never inlined (see 0003).
CREATE OR REPLACE FUNCTION audit_row_hash(p_prev_hash text, p_id bigint, p_at timestamptz, p_actor bigint,
                                          p_action text, p_subject text, p_details jsonb) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT encode(sha256(convert_to(jsonb_build_array(
        p_prev_hash, p_id, to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        p_actor, p_action, p_subject, p_details)::text, 'UTF8')), 'hex')
$$;
