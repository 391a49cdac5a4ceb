-- A seller's pause used to be stored as SUSPENDED with no reason (Bureau's
-- own suspensions always carry one); it now has its own status.
UPDATE "Agent" SET "status" = 'PAUSED' WHERE "status" = 'SUSPENDED' AND "statusReason" IS NULL;

-- A seller's test run of its draft used to be an ordinary UI task of the
-- seller org at price 0. Label those as SANDBOX so they stay out of the
-- agent's quality; a free run of the seller's own published listing cannot
-- be told apart, and was left out of quality before too.
UPDATE "Task" t SET "source" = 'SANDBOX'
  FROM "Agent" a
 WHERE a.id = t."agentId" AND t."orgId" = a."orgId" AND t.source = 'UI' AND t.price = 0;
