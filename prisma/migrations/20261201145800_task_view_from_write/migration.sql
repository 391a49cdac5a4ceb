-- The task as its caller sees it (an A2A Task: state, status message,
-- artifacts, conversation), as one JSON value, defined once: loadA2ATask
-- (server/services/tasks/a2a-task.ts) reads it, and the write that pauses a
-- task returns it when asked (p_view), so a blocking SendMessage answers
-- without reading the task again. Within the writing transaction it already
-- shows that write.
CREATE FUNCTION bureau_task_view(p_task TEXT, p_history BOOLEAN) RETURNS JSONB LANGUAGE sql AS $$
    SELECT jsonb_build_object(
        'id', t.id, 'orgId', t."orgId", 'agentId', t."agentId", 'contextId', t."contextId",
        'state', t.state::text, 'statusMessage', t."statusMessage",
        'updatedAt', to_char(t."updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'price', t.price,
        'artifacts', (SELECT jsonb_agg(jsonb_build_object('artifactId', a."artifactId", 'name', a.name,
                                                          'description', a.description, 'parts', a.parts)
                                       ORDER BY a."createdAt", a.id)
                      FROM "Artifact" a WHERE a."taskId" = t.id),
        'messages', CASE WHEN p_history THEN
            (SELECT jsonb_agg(e.data -> 'message' ORDER BY e.id) FROM "TaskEvent" e
             WHERE e."taskId" = t.id AND e.kind = 'message') END)
    FROM "Task" t WHERE t.id = p_task
$$;

-- bureau_write_task with p_view: when the write pauses the task, its
-- 'paused' answer also carries bureau_task_view. Otherwise the function of
-- task_write_pause_note, which the 16-argument form below now calls (kept for
-- processes still running the code before this migration).
CREATE FUNCTION bureau_write_task(
    p_task TEXT, p_now TEXT, p_remote_task TEXT, p_remote_context TEXT, p_artifacts JSONB,
    p_status_to TEXT, p_status_from TEXT[], p_status_message JSONB, p_status_text TEXT, p_log_repeats BOOLEAN,
    p_sent_turn INT, p_release_runner BOOLEAN, p_actor_kind TEXT, p_actor_id TEXT,
    p_fee_bps INT, p_available_at TEXT, p_view BOOLEAN
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    v_now TIMESTAMP := p_now::timestamp;
    t RECORD;
    v_terminal TEXT[] := ARRAY['COMPLETED', 'FAILED', 'CANCELED', 'REJECTED'];
    v_state TEXT;
    v_message TEXT;
    v_transitioned BOOLEAN := FALSE;
    v_set_remote BOOLEAN := FALSE;
    v_set_started BOOLEAN := FALSE;
    v_finished BOOLEAN := FALSE;
    v_set_turn BOOLEAN := FALSE;
    v_settling BOOLEAN;
    v_clear_runner BOOLEAN;
    v_kinds TEXT[] := '{}';
    v_data JSONB[] := '{}';
    v_artifact_events JSONB[] := '{}';
    v_stored JSONB := '{}';
    c JSONB;
    v_artifact JSONB;
    v_artifact_id TEXT;
    v_existing JSONB;
    v_snapshot BOOLEAN;
    v_append BOOLEAN;
    v_parts JSONB;
    v_event JSONB;
    v_event_ids BIGINT[];
    v_org_ids BIGINT[] := '{}';
    v_actor_kind TEXT;
    v_actor_id TEXT;
    v_money JSONB;
    v_outcome TEXT;
BEGIN
    SELECT id, "orgId", "agentId", state::text AS state, "statusMessage", "startedAt", "createdAt", price,
           source::text AS source, "settledAt", "remoteTaskId", "sentTurn", "runnerId", turn
    INTO t FROM "Task" WHERE id = p_task FOR UPDATE;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;

    IF coalesce(p_remote_task, '') <> '' AND t."remoteTaskId" IS NULL THEN
        v_set_remote := TRUE;
    END IF;

    IF jsonb_array_length(coalesce(p_artifacts, '[]')) > 0 THEN
        SELECT coalesce(jsonb_object_agg(a."artifactId", a.parts), '{}') INTO v_stored FROM "Artifact" a
        WHERE a."taskId" = p_task
          AND a."artifactId" IN (SELECT x -> 'artifact' ->> 'artifactId' FROM jsonb_array_elements(p_artifacts) x);
        FOR c IN SELECT x FROM jsonb_array_elements(p_artifacts) WITH ORDINALITY AS e(x, n) ORDER BY n LOOP
            v_artifact := c -> 'artifact';
            v_artifact_id := v_artifact ->> 'artifactId';
            v_existing := v_stored -> v_artifact_id;
            v_snapshot := coalesce((c ->> 'snapshot')::boolean, FALSE);
            IF v_snapshot AND v_existing IS NOT NULL
               AND bureau_join_parts(v_existing) = bureau_join_parts(v_artifact -> 'parts') THEN
                CONTINUE;
            END IF;
            v_append := coalesce((c ->> 'append')::boolean, FALSE) AND NOT v_snapshot;
            v_parts := CASE WHEN v_append AND v_existing IS NOT NULL
                            THEN bureau_append_parts(v_existing, v_artifact -> 'parts')
                            ELSE v_artifact -> 'parts' END;
            v_stored := v_stored || jsonb_build_object(v_artifact_id, v_parts);
            INSERT INTO "Artifact" (id, "taskId", "artifactId", name, description, parts, "createdAt", "updatedAt")
            VALUES (c ->> 'rowId', p_task, v_artifact_id, v_artifact ->> 'name', v_artifact ->> 'description', v_parts,
                    v_now, v_now)
            ON CONFLICT ("taskId", "artifactId") DO UPDATE SET
                parts = EXCLUDED.parts,
                name = CASE WHEN coalesce(EXCLUDED.name, '') <> '' THEN EXCLUDED.name ELSE "Artifact".name END,
                description = CASE WHEN coalesce(EXCLUDED.description, '') <> '' THEN EXCLUDED.description
                                   ELSE "Artifact".description END,
                "updatedAt" = EXCLUDED."updatedAt";
            v_event := (v_artifact - 'append' - 'lastChunk') || jsonb_build_object('append', v_append)
                || CASE WHEN v_snapshot THEN jsonb_build_object('lastChunk', TRUE)
                        WHEN jsonb_typeof(c -> 'lastChunk') = 'boolean' THEN jsonb_build_object('lastChunk', c -> 'lastChunk')
                        ELSE '{}' END;
            v_kinds := v_kinds || 'artifact'::text;
            v_data := v_data || v_event;
            IF coalesce(v_event ->> 'lastChunk', '') <> 'false' THEN
                v_artifact_events := v_artifact_events || jsonb_build_object('artifactId', v_artifact_id,
                    'name', CASE WHEN jsonb_typeof(v_artifact -> 'name') = 'string' THEN v_artifact ->> 'name' END);
            END IF;
        END LOOP;
    END IF;

    v_state := t.state;
    v_message := t."statusMessage";
    IF p_status_to IS NOT NULL AND t.state = ANY(p_status_from) THEN
        -- Polling, or a snapshot after a stream, repeats what is already recorded.
        IF NOT (t.state = p_status_to AND t."statusMessage" IS NOT DISTINCT FROM p_status_text) OR p_log_repeats THEN
            v_transitioned := TRUE;
            v_state := p_status_to;
            v_message := p_status_text;
            v_set_started := p_status_to = 'WORKING' AND t."startedAt" IS NULL;
            v_finished := p_status_to = ANY(v_terminal);
            v_kinds := v_kinds || 'status'::text;
            v_data := v_data || (jsonb_build_object('state', p_status_to)
                || CASE WHEN p_status_message IS NOT NULL THEN jsonb_build_object('message', p_status_message) ELSE '{}' END
                || CASE WHEN coalesce(p_status_text, '') <> '' THEN jsonb_build_object('text', p_status_text) ELSE '{}' END
                || jsonb_build_object('timestamp', p_now));
        END IF;
    END IF;
    v_set_turn := p_sent_turn IS NOT NULL AND t."sentTurn" < p_sent_turn;
    v_settling := v_state = ANY(v_terminal) AND t."settledAt" IS NULL;
    -- The turn paused or ended: an in-process runner's claim ends with it.
    v_clear_runner := t."runnerId" IS NOT NULL
        AND (coalesce(p_release_runner, FALSE) OR v_state = ANY(v_terminal) OR v_state = 'INPUT_REQUIRED');

    IF v_set_remote OR v_transitioned OR v_set_turn OR v_settling OR v_clear_runner THEN
        UPDATE "Task" SET
            "remoteTaskId" = CASE WHEN v_set_remote THEN p_remote_task ELSE "remoteTaskId" END,
            "remoteContextId" = CASE WHEN v_set_remote THEN nullif(p_remote_context, '') ELSE "remoteContextId" END,
            state = CASE WHEN v_transitioned THEN v_state::"TaskState" ELSE state END,
            "statusMessage" = CASE WHEN v_transitioned THEN v_message ELSE "statusMessage" END,
            "startedAt" = CASE WHEN v_set_started THEN v_now ELSE "startedAt" END,
            "finishedAt" = CASE WHEN v_finished THEN v_now ELSE "finishedAt" END,
            "durationMs" = CASE WHEN v_finished
                THEN round(extract(epoch FROM v_now - coalesce(t."startedAt", t."createdAt")) * 1000)::int
                ELSE "durationMs" END,
            "sentTurn" = CASE WHEN v_set_turn THEN p_sent_turn ELSE "sentTurn" END,
            "settledAt" = CASE WHEN v_settling THEN v_now ELSE "settledAt" END,
            "runnerId" = CASE WHEN v_clear_runner THEN NULL ELSE "runnerId" END,
            "updatedAt" = v_now
        WHERE id = p_task;
    END IF;
    v_event_ids := bureau_task_events(p_task, t."orgId", v_kinds, v_data);

    -- Money last: the ledger rows it locks are shared by every task of the
    -- org (and the seller), so they are held only for the end of this one.
    IF v_settling THEN
        -- A seller's test run of its draft is not a marketplace task; its paid runs of its own listing are.
        IF t.source <> 'SANDBOX' THEN
            UPDATE "Agent" SET "taskCount" = "taskCount" + 1 WHERE id = t."agentId";
        END IF;
        v_outcome := 'nothing';
        IF t.price > 0 AND v_state = 'COMPLETED' THEN
            v_money := bureau_capture_hold(p_task, v_now, p_available_at::timestamp, p_fee_bps);
            IF v_money IS NOT NULL THEN v_outcome := 'captured'; END IF;
        ELSIF t.price > 0 THEN
            v_money := bureau_release_hold(p_task,
                left(lower(v_state) || CASE WHEN coalesce(v_message, '') <> '' THEN ': ' || v_message ELSE '' END, 300),
                v_now);
            IF v_money IS NOT NULL THEN v_outcome := 'released'; END IF;
        END IF;
    END IF;

    -- The org's event log, last (it takes the org's event-writer lock until commit).
    v_actor_kind := coalesce(p_actor_kind, 'agent');
    v_actor_id := CASE WHEN p_actor_kind IS NULL THEN t."agentId" ELSE p_actor_id END;
    IF v_transitioned AND v_state <> t.state THEN
        v_org_ids := v_org_ids || bureau_record_event(t."orgId", 'task.state_changed', 'task', p_task, v_actor_kind,
            v_actor_id, jsonb_build_object('from', t.state, 'to', v_state, 'message', left(v_message, 2000)));
    END IF;
    FOREACH v_event IN ARRAY v_artifact_events LOOP
        v_org_ids := v_org_ids || bureau_record_event(t."orgId", 'task.artifact', 'task', p_task, v_actor_kind,
            v_actor_id, v_event);
    END LOOP;
    IF v_settling THEN
        IF v_outcome = 'captured' THEN
            v_org_ids := v_org_ids || bureau_record_event(t."orgId", 'credits.captured', 'task', p_task, v_actor_kind,
                v_actor_id, v_money);
        ELSIF v_outcome = 'released' THEN
            v_org_ids := v_org_ids || bureau_record_event(t."orgId", 'credits.released', 'task', p_task, v_actor_kind,
                v_actor_id, v_money);
        END IF;
        v_org_ids := v_org_ids || bureau_record_event(t."orgId", 'task.settled', 'task', p_task, v_actor_kind,
            v_actor_id, jsonb_build_object('state', v_state,
                'outcome', CASE WHEN v_outcome = 'nothing' THEN 'none' ELSE v_outcome END,
                'chargedCredits', CASE WHEN v_outcome = 'captured' THEN (v_money ->> 'amount')::int ELSE 0 END));
    END IF;

    RETURN jsonb_build_object(
        'orgId', t."orgId", 'state', v_state, 'transitioned', v_transitioned,
        'settled', CASE WHEN v_settling THEN v_outcome END,
        'capture', CASE WHEN v_outcome = 'captured' THEN v_money END,
        'lastEventId', v_event_ids[cardinality(v_event_ids)]::text,
        'lastOrgEventId', v_org_ids[cardinality(v_org_ids)]::text,
        'paused', CASE WHEN v_transitioned AND (v_state = ANY(v_terminal) OR v_state = 'INPUT_REQUIRED')
            THEN jsonb_build_object('turn', t.turn,
                'pushConfigs', EXISTS (SELECT 1 FROM "TaskPushConfig" p WHERE p."taskId" = p_task),
                'view', CASE WHEN p_view THEN bureau_task_view(p_task, TRUE) END) END);
END
$$;


CREATE OR REPLACE FUNCTION bureau_write_task(
    p_task TEXT, p_now TEXT, p_remote_task TEXT, p_remote_context TEXT, p_artifacts JSONB,
    p_status_to TEXT, p_status_from TEXT[], p_status_message JSONB, p_status_text TEXT, p_log_repeats BOOLEAN,
    p_sent_turn INT, p_release_runner BOOLEAN, p_actor_kind TEXT, p_actor_id TEXT,
    p_fee_bps INT, p_available_at TEXT
) RETURNS JSONB LANGUAGE sql AS $$
    SELECT bureau_write_task(p_task, p_now, p_remote_task, p_remote_context, p_artifacts, p_status_to, p_status_from,
        p_status_message, p_status_text, p_log_repeats, p_sent_turn, p_release_runner, p_actor_kind, p_actor_id,
        p_fee_bps, p_available_at, FALSE)
$$;
