-- A group-commit batch of the task hot path as ONE statement (server/group-commit.ts,
-- server/services/tasks/sql-pool.ts): the batch's accepts and writes, in
-- arrival order, each a call of its function with the arguments it would
-- take as parameters (JSON, positional). Run outside a transaction, the
-- statement is the batch's transaction: one round trip and one COMMIT for
-- the batch, where a transaction of one statement per unit cost a round trip
-- (and a turn of the app's event loop) per unit. A unit raising aborts the
-- statement and writes nothing of the batch; the committer then runs each
-- unit on its own (under a savepoint). Each call sees the writes of the calls
-- before it. Returns the answers in the same order.
CREATE FUNCTION bureau_json_arg(p_args JSONB, p_index INT) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT nullif(p_args -> p_index, 'null'::jsonb)
$$;

CREATE FUNCTION bureau_run_units(p_units JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    u JSONB;
    a JSONB;
    v_answers JSONB := '[]';
BEGIN
    FOR u IN SELECT x FROM jsonb_array_elements(p_units) WITH ORDINALITY AS e(x, n) ORDER BY n LOOP
        a := u -> 'args';
        IF u ->> 'fn' = 'bureau_accept_task' THEN
            v_answers := v_answers || jsonb_build_array(bureau_accept_task(
                a ->> 0, a ->> 1, a ->> 2, a ->> 3, (a ->> 4)::boolean, a ->> 5, a ->> 6, a ->> 7,
                bureau_json_arg(a, 8), a ->> 9, a ->> 10, a ->> 11, a ->> 12, bureau_json_arg(a, 13),
                a ->> 14, a ->> 15, a ->> 16, a ->> 17, a ->> 18, (a ->> 19)::int, a ->> 20, a ->> 21,
                (a ->> 22)::boolean));
        ELSIF u ->> 'fn' = 'bureau_write_task' THEN
            v_answers := v_answers || jsonb_build_array(bureau_write_task(
                a ->> 0, a ->> 1, a ->> 2, a ->> 3, bureau_json_arg(a, 4), a ->> 5,
                ARRAY(SELECT jsonb_array_elements_text(coalesce(bureau_json_arg(a, 6), '[]'))),
                bureau_json_arg(a, 7), a ->> 8, (a ->> 9)::boolean, (a ->> 10)::int, (a ->> 11)::boolean,
                a ->> 12, a ->> 13, (a ->> 14)::int, a ->> 15, (a ->> 16)::boolean));
        ELSE
            RAISE EXCEPTION 'bureau_run_units: unknown function %', u ->> 'fn';
        END IF;
    END LOOP;
    RETURN v_answers;
END
$$;
