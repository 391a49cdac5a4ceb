-- The task hot path as database functions (issue 10). Accepting a task and
-- applying an agent's response were each several statements, every one a
-- round trip and a pass through Prisma in Node, inside the org's group-commit
-- stream, where one org's units run one after another: the stream's speed was
-- the statements per unit times the round trip. Each is now ONE statement:
-- bureau_accept_task and bureau_write_task, called by
-- server/services/tasks/start-task.ts and write-task.ts.
--
-- The ledger's movements live here too, once: the Node ledger functions
-- (server/services/ledger/) call the same bureau_post_ledger,
-- bureau_place_hold, bureau_capture_hold and bureau_release_hold, so a hold
-- placed by a task and one placed by a test or a future door are the same
-- code. Their rules are the ledger's: accounts locked in id order before any
-- balance moves, every transaction balanced, a business key posted once, a
-- refused hold writing nothing.
--
-- Times come from the caller as ISO 8601 text in UTC (Prisma's convention for
-- these "timestamp without time zone" columns), so a row and the events
-- describing it carry the same instant.

-- The id of an account of this kind for the org (NULL: the platform's, whose
-- ids are fixed because NULL org ids never collide in a unique index),
-- created on first use without a read-then-write race.
CREATE FUNCTION bureau_ledger_account(p_kind TEXT, p_org TEXT) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    v_id TEXT;
BEGIN
    IF p_org IS NULL THEN
        v_id := 'platform:' || p_kind;
        PERFORM 1 FROM "LedgerAccount" WHERE id = v_id;
        IF NOT FOUND THEN
            INSERT INTO "LedgerAccount" (id, kind, "orgId") VALUES (v_id, p_kind::"LedgerAccountKind", NULL)
            ON CONFLICT (id) DO NOTHING;
        END IF;
        RETURN v_id;
    END IF;
    SELECT id INTO v_id FROM "LedgerAccount" WHERE kind = p_kind::"LedgerAccountKind" AND "orgId" = p_org;
    IF FOUND THEN
        RETURN v_id;
    END IF;
    INSERT INTO "LedgerAccount" (id, kind, "orgId") VALUES (gen_random_uuid()::text, p_kind::"LedgerAccountKind", p_org)
    ON CONFLICT (kind, "orgId") DO NOTHING
    RETURNING id INTO v_id;
    IF v_id IS NULL THEN
        SELECT id INTO v_id FROM "LedgerAccount" WHERE kind = p_kind::"LedgerAccountKind" AND "orgId" = p_org;
    END IF;
    RETURN v_id;
END
$$;

-- Locks ledger accounts until the transaction ends, always in id order (rows
-- are locked in the order the sort returns them: the lock sits above the sort
-- in the plan), so two movements sharing accounts queue instead of
-- deadlocking. Raises when one does not exist.
CREATE FUNCTION bureau_lock_accounts(p_ids TEXT[]) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    v_locked INT;
    v_wanted INT;
BEGIN
    SELECT count(*) INTO v_locked FROM (
        SELECT a.id FROM "LedgerAccount" a WHERE a.id = ANY(p_ids) ORDER BY a.id FOR UPDATE
    ) l;
    SELECT count(DISTINCT x) INTO v_wanted FROM unnest(p_ids) x;
    IF v_locked <> v_wanted THEN
        RAISE EXCEPTION 'Ledger account % does not exist.',
            (SELECT x FROM unnest(p_ids) x WHERE NOT EXISTS (SELECT 1 FROM "LedgerAccount" a WHERE a.id = x) LIMIT 1);
    END IF;
END
$$;

-- One balanced transaction: its row, its entries (in the order given) and
-- the accounts' cached balances, all conditional on the key being new (a
-- unique insert, not check-then-write: concurrent replays cannot both win).
-- Returns false for a replay, which changes nothing. p_locked: the caller
-- already holds every account's lock (taken in id order).
CREATE FUNCTION bureau_post_ledger(
    p_key TEXT, p_kind TEXT, p_org TEXT, p_memo TEXT, p_accounts TEXT[], p_amounts INT[], p_locked BOOLEAN
) RETURNS BOOLEAN LANGUAGE plpgsql AS $$
DECLARE
    v_tx TEXT;
    v_sum BIGINT;
BEGIN
    IF cardinality(p_accounts) <> cardinality(p_amounts) OR array_position(p_amounts, NULL) IS NOT NULL
        OR array_position(p_accounts, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'Ledger transaction % has mismatched lines.', p_key;
    END IF;
    SELECT coalesce(sum(x), 0) INTO v_sum FROM unnest(p_amounts) x;
    IF v_sum <> 0 THEN
        RAISE EXCEPTION 'Ledger transaction does not balance (sum %).', v_sum;
    END IF;
    IF NOT p_locked THEN
        PERFORM bureau_lock_accounts(p_accounts);
    END IF;
    INSERT INTO "LedgerTransaction" (id, key, kind, "orgId", memo)
    VALUES (gen_random_uuid()::text, p_key, p_kind, p_org, p_memo)
    ON CONFLICT (key) DO NOTHING
    RETURNING id INTO v_tx;
    IF v_tx IS NULL THEN
        RETURN FALSE;
    END IF;
    INSERT INTO "LedgerEntry" ("transactionId", "accountId", amount)
    SELECT v_tx, l.account, l.amount
    FROM unnest(p_accounts, p_amounts) WITH ORDINALITY AS l(account, amount, n)
    ORDER BY l.n;
    UPDATE "LedgerAccount" a SET balance = a.balance + b.amount
    FROM (SELECT account, sum(amount) AS amount FROM unnest(p_accounts, p_amounts) AS l(account, amount) GROUP BY account) b
    WHERE a.id = b.account;
    RETURN TRUE;
END
$$;

-- A hold's checks, under the locks that make them true until commit: the
-- org's wallet and holds accounts locked in id order, then the balance and
-- the monthly budgets in scope (the org's, and the department's when given):
-- spend this UTC month is what was captured since it began plus everything
-- on hold. Writes nothing. Returns {wallet, holds, alerts} where alerts are
-- the budgets this amount takes to p_alert_percent or more that have not
-- alerted this month, or {refused: 'insufficient_credits', balance, amount}
-- or {refused: 'budget_exceeded', scope, capCredits, spentCredits, amount}
-- (the org's cap is checked first).
CREATE FUNCTION bureau_check_hold(p_org TEXT, p_amount INT, p_department TEXT, p_now TIMESTAMP, p_alert_percent INT)
RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    v_wallet TEXT := bureau_ledger_account('ORG_WALLET', p_org);
    v_holds TEXT := bureau_ledger_account('ORG_HOLDS', p_org);
    v_month TIMESTAMP := date_trunc('month', p_now);
    v_locked INT;
    v_balance INT;
    v_alerts JSONB := '[]';
    v_department TEXT;
    v_spent BIGINT;
    b RECORD;
BEGIN
    IF p_amount IS NULL OR p_amount <= 0 THEN
        RAISE EXCEPTION 'A hold must be a positive whole number of credits.';
    END IF;
    SELECT count(*), max(l.balance) FILTER (WHERE l.id = v_wallet) INTO v_locked, v_balance FROM (
        SELECT a.id, a.balance FROM "LedgerAccount" a WHERE a.id IN (v_wallet, v_holds) ORDER BY a.id FOR UPDATE
    ) l;
    IF v_locked <> 2 THEN
        RAISE EXCEPTION 'Ledger accounts of org % are missing.', p_org;
    END IF;
    IF v_balance < p_amount THEN
        RETURN jsonb_build_object('refused', 'insufficient_credits', 'balance', v_balance, 'amount', p_amount);
    END IF;
    FOR b IN
        SELECT id, scope, "departmentId", "monthlyCapCredits" AS cap, "alertedAt"
        FROM "Budget"
        WHERE "orgId" = p_org AND (scope = 'org' OR (p_department IS NOT NULL AND scope = p_department))
        ORDER BY scope <> 'org'
    LOOP
        v_department := CASE WHEN b.scope = 'org' THEN NULL ELSE b."departmentId" END;
        SELECT coalesce(sum(h.amount), 0) INTO v_spent FROM "CreditHold" h
        WHERE h."orgId" = p_org AND (v_department IS NULL OR h."departmentId" = v_department)
          AND (h.status = 'HELD' OR (h.status = 'CAPTURED' AND h."settledAt" >= v_month));
        IF v_spent + p_amount > b.cap THEN
            RETURN jsonb_build_object('refused', 'budget_exceeded',
                'scope', CASE WHEN v_department IS NULL THEN 'org' ELSE 'department' END,
                'capCredits', b.cap, 'spentCredits', v_spent, 'amount', p_amount);
        END IF;
        IF (b."alertedAt" IS NULL OR b."alertedAt" < v_month) AND (v_spent + p_amount) * 100 >= b.cap::bigint * p_alert_percent THEN
            v_alerts := v_alerts || jsonb_build_array(jsonb_build_object(
                'budgetId', b.id, 'orgId', p_org, 'departmentId', v_department,
                'capCredits', b.cap, 'spentCredits', v_spent + p_amount));
        END IF;
    END LOOP;
    RETURN jsonb_build_object('wallet', v_wallet, 'holds', v_holds, 'alerts', v_alerts);
END
$$;

-- Writes a hold that bureau_check_hold allowed (its locks held): wallet ->
-- holds under the key "hold:<task>", and the CreditHold row. Returns its id.
CREATE FUNCTION bureau_write_hold(
    p_org TEXT, p_task TEXT, p_amount INT, p_department TEXT, p_now TIMESTAMP, p_wallet TEXT, p_holds TEXT
) RETURNS TEXT LANGUAGE plpgsql AS $$
DECLARE
    v_id TEXT := gen_random_uuid()::text;
BEGIN
    PERFORM bureau_post_ledger('hold:' || p_task, 'hold', p_org, NULL,
        ARRAY[p_wallet, p_holds], ARRAY[-p_amount, p_amount], TRUE);
    INSERT INTO "CreditHold" (id, "orgId", "taskId", amount, "departmentId", "createdAt", "updatedAt")
    VALUES (v_id, p_org, p_task, p_amount, p_department, p_now, p_now);
    RETURN v_id;
END
$$;

-- Reserves a task's price (placeHold): the checks, then the hold. A task that
-- already has a hold is left alone ({replay: true}) unless p_new_task says
-- the caller's own transaction just inserted it. A refusal writes nothing.
CREATE FUNCTION bureau_place_hold(
    p_org TEXT, p_task TEXT, p_amount INT, p_department TEXT, p_now TEXT, p_alert_percent INT, p_new_task BOOLEAN
) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    v_now TIMESTAMP := p_now::timestamp;
    v_check JSONB := bureau_check_hold(p_org, p_amount, p_department, v_now, p_alert_percent);
BEGIN
    IF NOT p_new_task AND EXISTS (SELECT 1 FROM "CreditHold" WHERE "taskId" = p_task) THEN
        RETURN jsonb_build_object('replay', true);
    END IF;
    IF v_check ? 'refused' THEN
        RETURN v_check;
    END IF;
    RETURN jsonb_build_object(
        'holdId', bureau_write_hold(p_org, p_task, p_amount, p_department, v_now, v_check->>'wallet', v_check->>'holds'),
        'alerts', v_check->'alerts');
END
$$;

-- Settles a completed task's hold: the price goes to the seller's pending
-- earnings and the platform's revenue (fee = floor(amount * bps / 10000),
-- the remainder to the seller). Only a HELD hold is claimed (conditional
-- update), so a replay or a race with a release finds nothing: NULL. The
-- three accounts are locked in id order before they move.
CREATE FUNCTION bureau_capture_hold(p_task TEXT, p_now TIMESTAMP, p_available_at TIMESTAMP, p_fee_bps INT)
RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    h RECORD;
    v_accounts TEXT[] := '{}';
    v_amounts INT[] := '{}';
BEGIN
    IF p_fee_bps IS NULL OR p_fee_bps < 0 OR p_fee_bps > 10000 THEN
        RAISE EXCEPTION 'The fee must be 0-10000 basis points.';
    END IF;
    UPDATE "CreditHold" c
    SET status = 'CAPTURED', "settledAt" = p_now, "sellerOrgId" = a."orgId", "availableAt" = p_available_at,
        "feeAmount" = (c.amount::bigint * p_fee_bps / 10000)::int,
        "sellerAmount" = c.amount - (c.amount::bigint * p_fee_bps / 10000)::int,
        "updatedAt" = p_now
    FROM "Task" t JOIN "Agent" a ON a.id = t."agentId"
    WHERE c."taskId" = p_task AND c.status = 'HELD' AND t.id = c."taskId"
    RETURNING c.id, c."orgId" AS org, c.amount, a."orgId" AS seller, c."feeAmount" AS fee, c."sellerAmount" AS earned
    INTO h;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    v_accounts := ARRAY[bureau_ledger_account('ORG_HOLDS', h.org)];
    v_amounts := ARRAY[-h.amount];
    IF h.earned <> 0 THEN
        v_accounts := v_accounts || bureau_ledger_account('SELLER_PENDING', h.seller);
        v_amounts := v_amounts || h.earned;
    END IF;
    IF h.fee <> 0 THEN
        v_accounts := v_accounts || bureau_ledger_account('PLATFORM_REVENUE', NULL);
        v_amounts := v_amounts || h.fee;
    END IF;
    PERFORM bureau_post_ledger('capture:' || p_task, 'capture', h.org, NULL, v_accounts, v_amounts, FALSE);
    RETURN jsonb_build_object('holdId', h.id, 'amount', h.amount, 'sellerAmount', h.earned, 'feeAmount', h.fee);
END
$$;

-- Returns a failed or canceled task's hold to the wallet. Only a HELD hold is
-- claimed, so replays and a race with a capture change nothing: NULL.
CREATE FUNCTION bureau_release_hold(p_task TEXT, p_reason TEXT, p_now TIMESTAMP) RETURNS JSONB LANGUAGE plpgsql AS $$
DECLARE
    v_reason TEXT := left(p_reason, 500);
    h RECORD;
BEGIN
    UPDATE "CreditHold" SET status = 'RELEASED', "settledAt" = p_now, "releaseReason" = v_reason, "updatedAt" = p_now
    WHERE "taskId" = p_task AND status = 'HELD'
    RETURNING id, "orgId" AS org, amount INTO h;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    PERFORM bureau_post_ledger('release:' || p_task, 'release', h.org, v_reason,
        ARRAY[bureau_ledger_account('ORG_HOLDS', h.org), bureau_ledger_account('ORG_WALLET', h.org)],
        ARRAY[-h.amount, h.amount], FALSE);
    RETURN jsonb_build_object('holdId', h.id, 'amount', h.amount, 'reason', v_reason);
END
$$;

-- Appends events to a task's log, in order, and wakes its live streams with
-- one NOTIFY naming the newest id (channel bureau_task_events, payload as in
-- server/services/tasks/task-events.ts). The caller holds the task's row
-- until commit, so the task's event ids commit in order. Returns the ids.
CREATE FUNCTION bureau_task_events(p_task TEXT, p_org TEXT, p_kinds TEXT[], p_data JSONB[])
RETURNS BIGINT[] LANGUAGE plpgsql AS $$
DECLARE
    v_ids BIGINT[];
BEGIN
    IF coalesce(cardinality(p_kinds), 0) = 0 THEN
        RETURN '{}';
    END IF;
    WITH e AS (
        INSERT INTO "TaskEvent" ("taskId", "orgId", kind, data)
        SELECT p_task, p_org, x.kind, x.data FROM unnest(p_kinds, p_data) WITH ORDINALITY AS x(kind, data, n)
        ORDER BY x.n
        RETURNING id
    )
    SELECT array_agg(id ORDER BY id) INTO v_ids FROM e;
    PERFORM pg_notify('bureau_task_events',
        json_build_object('orgId', p_org, 'taskId', p_task, 'id', v_ids[cardinality(v_ids)]::text)::text);
    RETURN v_ids;
END
$$;

-- appendParts of server/schemas/task-event-view.ts: a chunk whose first part
-- is text continues the stored trailing text part; other parts are added.
CREATE FUNCTION bureau_append_parts(p_parts JSONB, p_chunk JSONB) RETURNS JSONB LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN jsonb_array_length(p_parts) > 0 AND jsonb_array_length(p_chunk) > 0
             AND p_parts -> -1 ->> 'kind' = 'text' AND p_chunk -> 0 ->> 'kind' = 'text'
        THEN (p_parts - (-1))
             || jsonb_build_array((p_parts -> -1)
                || jsonb_build_object('text', coalesce(p_parts -> -1 ->> 'text', '') || coalesce(p_chunk -> 0 ->> 'text', '')))
             || (p_chunk - 0)
        ELSE p_parts || p_chunk
    END
$$;

-- The parts with adjacent text parts joined: the same content however it was
-- cut into chunks (jsonb equality then ignores key order, as the Node side's
-- canonical JSON did).
CREATE FUNCTION bureau_join_parts(p_parts JSONB) RETURNS JSONB LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    v_joined JSONB := '[]';
    v_part JSONB;
BEGIN
    FOR v_part IN SELECT value FROM jsonb_array_elements(p_parts) LOOP
        v_joined := bureau_append_parts(v_joined, jsonb_build_array(v_part));
    END LOOP;
    RETURN v_joined;
END
$$;

-- The org events of an accepted task: task.created, and credits.held when it
-- placed a hold. Returns the newest event's id.
CREATE FUNCTION bureau_task_accepted(
    p_org TEXT, p_task TEXT, p_agent TEXT, p_source TEXT, p_price INT, p_hold TEXT, p_actor_kind TEXT, p_actor_id TEXT
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
BEGIN
    v_id := bureau_record_event(p_org, 'task.created', 'task', p_task, p_actor_kind, p_actor_id,
        jsonb_build_object('agentId', p_agent, 'source', p_source, 'priceCredits', p_price, 'parentTaskId', NULL));
    IF p_hold IS NOT NULL THEN
        v_id := bureau_record_event(p_org, 'credits.held', 'task', p_task, p_actor_kind, p_actor_id,
            jsonb_build_object('holdId', p_hold, 'amount', p_price));
    END IF;
    RETURN v_id;
END
$$;

-- Accepts a task in one statement (startTask): the agent it may run on (a
-- published listing, or the caller's own that is not paused or suspended; a
-- sandbox run: only the caller's own drafts, at price 0), the caller's
-- messageId as idempotency key, the hold's checks, then the task row, its
-- first events, its push webhook, the hold and the org events task.created and
-- credits.held. Nothing is written unless the task is accepted. Returns one of
--   {agentNotFound: true}
--   {duplicate: {id, contextId, price, agentId}, agent}
--                                                  the messageId started a task already
--                                                  (agent: the one asked for now)
--   {refused: ...}                                 bureau_check_hold's refusal
--   {needsTransaction: true}                       a budget alert must be claimed, and the
--                                                  caller ran this outside a transaction
--                                                  (p_alerts_ok false); nothing written
--   {id, agentId, price, endpointUrl, card, holdId, alerts, lastEventId, lastOrgEventId}
--                                                  lastOrgEventId null when alerts are to be
--                                                  claimed: the caller then records them and
--                                                  calls bureau_task_accepted
-- p_runner: the in-process runner that runs it at once (the task starts WORKING), or NULL.
-- p_events: [{kind, data}] of the first task events, data as logged.
CREATE FUNCTION bureau_accept_task(
    p_id TEXT, p_org TEXT, p_agent_id TEXT, p_agent_slug TEXT, p_sandbox BOOLEAN, p_source TEXT, p_context TEXT,
    p_message_id TEXT, p_input JSONB, p_created_by TEXT, p_api_key TEXT, p_runner TEXT, p_now TEXT, p_events JSONB,
    p_push_id TEXT, p_push_config TEXT, p_push_url TEXT, p_push_token TEXT, p_department TEXT, p_alert_percent INT,
    p_actor_kind TEXT, p_actor_id TEXT, p_alerts_ok BOOLEAN
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
        IF NOT p_alerts_ok AND jsonb_array_length(v_check->'alerts') > 0 THEN
            RETURN jsonb_build_object('needsTransaction', true);
        END IF;
    END IF;

    INSERT INTO "Task" (id, "orgId", "agentId", source, "contextId", "clientMessageId", price, input, "createdById",
                        "apiKeyId", state, "startedAt", "runnerId", "createdAt", "updatedAt")
    VALUES (p_id, p_org, v_agent.id, p_source::"TaskSource", p_context, p_message_id, v_price, p_input, p_created_by,
            p_api_key, CASE WHEN p_runner IS NULL THEN 'SUBMITTED' ELSE 'WORKING' END::"TaskState",
            CASE WHEN p_runner IS NULL THEN NULL ELSE v_now END, p_runner, v_now, v_now)
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
        v_last_org := bureau_task_accepted(p_org, p_id, v_agent.id, p_source, v_price, v_hold, p_actor_kind, p_actor_id);
    END IF;
    RETURN jsonb_build_object(
        'id', p_id, 'agentId', v_agent.id, 'price', v_price, 'endpointUrl', v_agent."endpointUrl",
        'card', (SELECT v.card FROM "AgentVersion" v WHERE v."agentId" = v_agent.id ORDER BY v.version DESC LIMIT 1),
        'holdId', v_hold, 'alerts', coalesce(v_check->'alerts', '[]'),
        'lastEventId', v_event_ids[cardinality(v_event_ids)]::text,
        'lastOrgEventId', v_last_org::text);
END
$$;

-- Applies one agent response to a task in one statement (writeTask), under
-- the task's row lock (which also orders its events): the agent's ids (kept
-- once set), artifacts (a snapshot whose content is unchanged is skipped;
-- appends merged), the status change (only from p_status_from; an update
-- changing nothing is logged only with p_log_repeats), the acknowledged
-- turn, the runner's claim released when the turn paused or ended, the
-- events with one NOTIFY, and, when the task has just ended, its settlement
-- (the agent's task count unless a sandbox run; the hold captured when
-- completed, released otherwise) and its org events. Returns NULL for an
-- unknown task, else {orgId, state, transitioned, settled (captured |
-- released | nothing | null), lastEventId, lastOrgEventId, capture}.
-- p_artifacts: [{rowId, artifact: {artifactId, name?, description?, parts, …}, append, lastChunk?, snapshot}].
-- p_actor_kind NULL: the agent made the change.
CREATE FUNCTION bureau_write_task(
    p_task TEXT, p_now TEXT, p_remote_task TEXT, p_remote_context TEXT, p_artifacts JSONB,
    p_status_to TEXT, p_status_from TEXT[], p_status_message JSONB, p_status_text TEXT, p_log_repeats BOOLEAN,
    p_sent_turn INT, p_release_runner BOOLEAN, p_actor_kind TEXT, p_actor_id TEXT,
    p_fee_bps INT, p_available_at TEXT
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
           source::text AS source, "settledAt", "remoteTaskId", "sentTurn", "runnerId"
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
        'lastOrgEventId', v_org_ids[cardinality(v_org_ids)]::text);
END
$$;
