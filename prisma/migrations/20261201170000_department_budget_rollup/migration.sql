-- Department budgets roll up (issue 13): a task in a team counts against the
-- team, every ancestor department and the org's cap. bureau_check_hold keeps
-- its signature (bureau_place_hold and bureau_accept_task call it) and its
-- order: the wallet and holds accounts locked first, in id order, which
-- serialises every hold of the org (so concurrent tasks in sibling teams
-- see each other's holds against their shared parent), then the balance,
-- then the budgets in scope: the org's first, then the task's department,
-- then its ancestors outward. A department's spend this UTC month is what
-- its own tasks and every descendant's have on hold or captured since the
-- month began. A refusal names the cap: departmentId and departmentName
-- (null for the org's cap, and for a budget whose department row is gone).
-- The walks are bounded (the service keeps trees at most 4 deep and
-- acyclic; UNION and the depth bound make a bad row harmless anyway).
CREATE OR REPLACE FUNCTION bureau_check_hold(p_org TEXT, p_amount INT, p_department TEXT, p_now TIMESTAMP, p_alert_percent INT)
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
        WITH RECURSIVE chain(id, depth) AS (
            SELECT p_department, 0 WHERE p_department IS NOT NULL
            UNION ALL
            SELECT d."parentId", c.depth + 1
            FROM chain c JOIN "Department" d ON d.id = c.id AND d."orgId" = p_org
            WHERE d."parentId" IS NOT NULL AND c.depth < 16
        )
        SELECT u.id, u.scope, u."departmentId", u."monthlyCapCredits" AS cap, u."alertedAt", min(c.depth) AS depth
        FROM "Budget" u LEFT JOIN chain c ON u.scope = c.id
        WHERE u."orgId" = p_org AND (u.scope = 'org' OR c.id IS NOT NULL)
        GROUP BY u.id
        ORDER BY u.scope <> 'org', min(c.depth)
    LOOP
        v_department := CASE WHEN b.scope = 'org' THEN NULL ELSE coalesce(b."departmentId", b.scope) END;
        IF v_department IS NULL THEN
            SELECT coalesce(sum(h.amount), 0) INTO v_spent FROM "CreditHold" h
            WHERE h."orgId" = p_org
              AND (h.status = 'HELD' OR (h.status = 'CAPTURED' AND h."settledAt" >= v_month));
        ELSE
            WITH RECURSIVE subtree(id) AS (
                SELECT v_department
                UNION
                SELECT d.id FROM "Department" d JOIN subtree s ON d."parentId" = s.id WHERE d."orgId" = p_org
            )
            SELECT coalesce(sum(h.amount), 0) INTO v_spent FROM "CreditHold" h
            WHERE h."orgId" = p_org AND h."departmentId" IN (SELECT id FROM subtree)
              AND (h.status = 'HELD' OR (h.status = 'CAPTURED' AND h."settledAt" >= v_month));
        END IF;
        IF v_spent + p_amount > b.cap THEN
            RETURN jsonb_build_object('refused', 'budget_exceeded',
                'scope', CASE WHEN v_department IS NULL THEN 'org' ELSE 'department' END,
                'capCredits', b.cap, 'spentCredits', v_spent, 'amount', p_amount,
                'departmentId', v_department,
                'departmentName', (SELECT d.name FROM "Department" d WHERE d.id = v_department AND d."orgId" = p_org));
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
