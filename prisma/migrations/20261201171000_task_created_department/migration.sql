-- task.created names the task's department (the org chart places a task's
-- events under its department live): bureau_task_accepted gains
-- p_department, and the accept passes it. Same accept signature.
DROP FUNCTION bureau_task_accepted(TEXT, TEXT, TEXT, TEXT, INT, TEXT, TEXT, TEXT, TEXT);

CREATE FUNCTION bureau_task_accepted(
    p_org TEXT, p_task TEXT, p_agent TEXT, p_source TEXT, p_price INT, p_hold TEXT, p_actor_kind TEXT, p_actor_id TEXT,
    p_parent TEXT DEFAULT NULL, p_department TEXT DEFAULT NULL
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
BEGIN
    v_id := bureau_record_event(p_org, 'task.created', 'task', p_task, p_actor_kind, p_actor_id,
        jsonb_build_object('agentId', p_agent, 'source', p_source, 'priceCredits', p_price, 'parentTaskId', p_parent, 'departmentId', p_department));
    IF p_hold IS NOT NULL THEN
        v_id := bureau_record_event(p_org, 'credits.held', 'task', p_task, p_actor_kind, p_actor_id,
            jsonb_build_object('holdId', p_hold, 'amount', p_price));
    END IF;
    RETURN v_id;
END
$$;

CREATE OR REPLACE FUNCTION bureau_accept_task(
    p_id TEXT, p_org TEXT, p_agent_id TEXT, p_agent_slug TEXT, p_sandbox BOOLEAN, p_source TEXT, p_context TEXT,
    p_message_id TEXT, p_input JSONB, p_created_by TEXT, p_api_key TEXT, p_runner TEXT, p_now TEXT, p_events JSONB,
    p_push_id TEXT, p_push_config TEXT, p_push_url TEXT, p_push_token TEXT, p_department TEXT, p_alert_percent INT,
    p_actor_kind TEXT, p_actor_id TEXT, p_alerts_ok BOOLEAN, p_tree JSONB
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    v_now TIMESTAMP := p_now::timestamp;
    v_agent RECORD;
    v_runnable BOOLEAN;
    v_price INT;
    v_found RECORD;
    v_check JSONB;
    v_hold TEXT;
    v_event_ids BIGINT[];
    v_last_org BIGINT;
    v_parent TEXT := p_tree ->> 'parentTaskId';
    v_root TEXT := p_tree ->> 'rootTaskId';
    v_tree_cap INT := (p_tree ->> 'treeCapCredits')::int;
    v_ceiling INT := (p_tree ->> 'ceilingCredits')::int;
    v_tree_spent BIGINT;
BEGIN
    IF p_agent_id IS NOT NULL THEN
        SELECT a.id, a."orgId", a.status::text AS status, a."pricePerTask", a."endpointUrl" INTO v_agent
        FROM "Agent" a WHERE a.id = p_agent_id;
    ELSE
        SELECT a.id, a."orgId", a.status::text AS status, a."pricePerTask", a."endpointUrl" INTO v_agent
        FROM "Agent" a WHERE a.slug = p_agent_slug;
    END IF;
    v_runnable := FOUND AND CASE
        WHEN p_sandbox THEN v_agent."orgId" = p_org AND v_agent.status = 'DRAFT'
        ELSE v_agent.status = 'PUBLISHED' OR (v_agent."orgId" = p_org AND v_agent.status NOT IN ('PAUSED', 'SUSPENDED'))
    END;
    IF NOT coalesce(v_runnable, FALSE) THEN
        RETURN jsonb_build_object('agentNotFound', true);
    END IF;
    v_price := CASE WHEN p_sandbox THEN 0 ELSE v_agent."pricePerTask" END;
    IF v_ceiling IS NOT NULL AND v_price > v_ceiling THEN
        RETURN jsonb_build_object('refused', 'position_ceiling', 'capCredits', v_ceiling, 'amount', v_price);
    END IF;

    SELECT id, "contextId", price, "agentId" INTO v_found FROM "Task" WHERE "orgId" = p_org AND "clientMessageId" = p_message_id;
    IF FOUND THEN
        RETURN jsonb_build_object('agent', v_agent.id, 'duplicate', jsonb_build_object(
            'id', v_found.id, 'contextId', v_found."contextId", 'price', v_found.price, 'agentId', v_found."agentId"));
    END IF;

    IF v_price > 0 THEN
        -- The wallet's lock is taken here and held until commit.
        v_check := bureau_check_hold(p_org, v_price, p_department, v_now, p_alert_percent);
        IF v_check ? 'refused' THEN
            RETURN v_check;
        END IF;
        -- A delegated task spends its root's delegated budget: every hold of
        -- the tree below the root, counted under the wallet's lock (the
        -- tree's tasks all hold on this org's wallet), so concurrent
        -- children cannot overrun it together.
        IF v_tree_cap IS NOT NULL THEN
            SELECT coalesce(sum(h.amount), 0) INTO v_tree_spent FROM "Task" t JOIN "CreditHold" h ON h."taskId" = t.id
            WHERE t."rootTaskId" = v_root AND t.id <> v_root AND h.status IN ('HELD', 'CAPTURED');
            IF v_tree_spent + v_price > v_tree_cap THEN
                RETURN jsonb_build_object('refused', 'delegation_budget_exceeded', 'capCredits', v_tree_cap,
                    'spentCredits', v_tree_spent, 'amount', v_price);
            END IF;
        END IF;
        IF NOT p_alerts_ok AND jsonb_array_length(v_check->'alerts') > 0 THEN
            RETURN jsonb_build_object('needsTransaction', true);
        END IF;
    END IF;

    INSERT INTO "Task" (id, "orgId", "agentId", source, "contextId", "clientMessageId", price, input, "createdById",
                        "apiKeyId", state, "startedAt", "runnerId", "createdAt", "updatedAt",
                        "parentTaskId", "rootTaskId", depth, "departmentId", "positionId")
    VALUES (p_id, p_org, v_agent.id, p_source::"TaskSource", p_context, p_message_id, v_price, p_input, p_created_by,
            p_api_key, CASE WHEN p_runner IS NULL THEN 'SUBMITTED' ELSE 'WORKING' END::"TaskState",
            CASE WHEN p_runner IS NULL THEN NULL ELSE v_now END, p_runner, v_now, v_now,
            v_parent, v_root, coalesce((p_tree ->> 'depth')::int, 0), p_department, p_tree ->> 'positionId')
    ON CONFLICT ("orgId", "clientMessageId") DO NOTHING;
    IF NOT FOUND THEN
        -- A concurrent accept of the same message committed first (the insert waited for it).
        SELECT id, "contextId", price, "agentId" INTO v_found FROM "Task" WHERE "orgId" = p_org AND "clientMessageId" = p_message_id;
        RETURN jsonb_build_object('agent', v_agent.id, 'duplicate', jsonb_build_object(
            'id', v_found.id, 'contextId', v_found."contextId", 'price', v_found.price, 'agentId', v_found."agentId"));
    END IF;

    v_event_ids := bureau_task_events(p_id, p_org,
        ARRAY(SELECT e ->> 'kind' FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, n) ORDER BY n),
        ARRAY(SELECT e -> 'data' FROM jsonb_array_elements(p_events) WITH ORDINALITY AS x(e, n) ORDER BY n));
    IF p_push_url IS NOT NULL THEN
        INSERT INTO "TaskPushConfig" (id, "taskId", "orgId", "configId", url, token, "createdAt")
        VALUES (p_push_id, p_id, p_org, p_push_config, p_push_url, p_push_token, v_now);
    END IF;
    IF v_price > 0 THEN
        v_hold := bureau_write_hold(p_org, p_id, v_price, p_department, v_now, v_check->>'wallet', v_check->>'holds');
    END IF;
    -- The org's event log last: it takes the org's event-writer lock until
    -- commit. With budget alerts to claim, the caller records them first
    -- (budget row, then the audit chain and event log's lock, the order every
    -- budget writer takes them in) and then calls bureau_task_accepted itself.
    IF jsonb_array_length(coalesce(v_check->'alerts', '[]')) = 0 THEN
        v_last_org := bureau_task_accepted(p_org, p_id, v_agent.id, p_source, v_price, v_hold, p_actor_kind, p_actor_id, v_parent, p_department);
    END IF;
    RETURN jsonb_build_object(
        'id', p_id, 'agentId', v_agent.id, 'price', v_price, 'endpointUrl', v_agent."endpointUrl",
        'card', (SELECT v.card FROM "AgentVersion" v WHERE v."agentId" = v_agent.id ORDER BY v.version DESC LIMIT 1),
        'holdId', v_hold, 'alerts', coalesce(v_check->'alerts', '[]'),
        'lastEventId', v_event_ids[cardinality(v_event_ids)]::text,
        'lastOrgEventId', v_last_org::text);
END
$$;
