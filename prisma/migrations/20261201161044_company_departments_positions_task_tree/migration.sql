-- CreateEnum
CREATE TYPE "ApprovalPolicyKind" AS ENUM ('NONE', 'OVER', 'EVERY');

-- CreateEnum
CREATE TYPE "PositionStatus" AS ENUM ('ACTIVE', 'PAUSED', 'ENDED');

-- CreateEnum
CREATE TYPE "TaskKind" AS ENUM ('AGENT', 'MANAGER');

-- AlterEnum
ALTER TYPE "TaskState" ADD VALUE 'AUTH_REQUIRED';

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "departmentId" TEXT,
ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "TaskKind" NOT NULL DEFAULT 'AGENT',
ADD COLUMN     "managerRecord" JSONB,
ADD COLUMN     "parentTaskId" TEXT,
ADD COLUMN     "positionId" TEXT,
ADD COLUMN     "rootTaskId" TEXT,
ADD COLUMN     "workflowRunId" TEXT;

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "parentId" TEXT,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mission" TEXT NOT NULL DEFAULT '',
    "approvalPolicy" "ApprovalPolicyKind" NOT NULL DEFAULT 'NONE',
    "approvalOverCredits" INTEGER,
    "planAutoRunCredits" INTEGER NOT NULL DEFAULT 0,
    "managerPositionId" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DepartmentLead" (
    "departmentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DepartmentLead_pkey" PRIMARY KEY ("departmentId","userId")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "departmentId" TEXT NOT NULL,
    "agentId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "instructions" TEXT NOT NULL DEFAULT '',
    "perTaskCeilingCredits" INTEGER,
    "delegationBudgetCredits" INTEGER,
    "status" "PositionStatus" NOT NULL DEFAULT 'ACTIVE',
    "hiredById" TEXT,
    "endedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Department_orgId_parentId_idx" ON "Department"("orgId", "parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Department_orgId_slug_key" ON "Department"("orgId", "slug");

-- CreateIndex
CREATE INDEX "DepartmentLead_userId_idx" ON "DepartmentLead"("userId");

-- CreateIndex
CREATE INDEX "Position_orgId_status_idx" ON "Position"("orgId", "status");

-- CreateIndex
CREATE INDEX "Position_departmentId_status_idx" ON "Position"("departmentId", "status");

-- CreateIndex
CREATE INDEX "Position_agentId_idx" ON "Position"("agentId");

-- CreateIndex
CREATE INDEX "Task_parentTaskId_idx" ON "Task"("parentTaskId");

-- CreateIndex
CREATE INDEX "Task_rootTaskId_idx" ON "Task"("rootTaskId");

-- CreateIndex
CREATE INDEX "Task_orgId_departmentId_createdAt_idx" ON "Task"("orgId", "departmentId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Department" ADD CONSTRAINT "Department_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentLead" ADD CONSTRAINT "DepartmentLead_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DepartmentLead" ADD CONSTRAINT "DepartmentLead_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "Agent"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_parentTaskId_fkey" FOREIGN KEY ("parentTaskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The task tree on the accept (bureau_accept_task gains p_tree): {parentTaskId,
-- rootTaskId, depth, positionId, treeCapCredits, ceilingCredits}, all
-- optional. A position's per-task ceiling and a delegated task's share of its
-- root's delegated budget are refused here, the latter under the wallet's
-- lock. task.created names the parent.
DROP FUNCTION bureau_accept_task(TEXT, TEXT, TEXT, TEXT, BOOLEAN, TEXT, TEXT, TEXT, JSONB, TEXT, TEXT, TEXT, TEXT, JSONB,
    TEXT, TEXT, TEXT, TEXT, TEXT, INT, TEXT, TEXT, BOOLEAN);
DROP FUNCTION bureau_task_accepted(TEXT, TEXT, TEXT, TEXT, INT, TEXT, TEXT, TEXT);

CREATE FUNCTION bureau_task_accepted(
    p_org TEXT, p_task TEXT, p_agent TEXT, p_source TEXT, p_price INT, p_hold TEXT, p_actor_kind TEXT, p_actor_id TEXT,
    p_parent TEXT DEFAULT NULL
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    v_id BIGINT;
BEGIN
    v_id := bureau_record_event(p_org, 'task.created', 'task', p_task, p_actor_kind, p_actor_id,
        jsonb_build_object('agentId', p_agent, 'source', p_source, 'priceCredits', p_price, 'parentTaskId', p_parent));
    IF p_hold IS NOT NULL THEN
        v_id := bureau_record_event(p_org, 'credits.held', 'task', p_task, p_actor_kind, p_actor_id,
            jsonb_build_object('holdId', p_hold, 'amount', p_price));
    END IF;
    RETURN v_id;
END
$$;

CREATE FUNCTION bureau_accept_task(
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
        v_last_org := bureau_task_accepted(p_org, p_id, v_agent.id, p_source, v_price, v_hold, p_actor_kind, p_actor_id, v_parent);
    END IF;
    RETURN jsonb_build_object(
        'id', p_id, 'agentId', v_agent.id, 'price', v_price, 'endpointUrl', v_agent."endpointUrl",
        'card', (SELECT v.card FROM "AgentVersion" v WHERE v."agentId" = v_agent.id ORDER BY v.version DESC LIMIT 1),
        'holdId', v_hold, 'alerts', coalesce(v_check->'alerts', '[]'),
        'lastEventId', v_event_ids[cardinality(v_event_ids)]::text,
        'lastOrgEventId', v_last_org::text);
END
$$;

CREATE OR REPLACE FUNCTION bureau_run_units(p_units JSONB) RETURNS JSONB LANGUAGE plpgsql AS $$
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
                (a ->> 22)::boolean, bureau_json_arg(a, 23)));
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
