-- CreateTable
CREATE TABLE "Event" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_orgId_id_idx" ON "Event"("orgId", "id");

-- CreateIndex
CREATE INDEX "Event_orgId_type_id_idx" ON "Event"("orgId", "type", "id");

-- CreateIndex
CREATE INDEX "Event_orgId_subjectId_id_idx" ON "Event"("orgId", "subjectId", "id");

-- CreateIndex
CREATE INDEX "Event_createdAt_idx" ON "Event"("createdAt");

-- The one writer of "Event" (recordEvent calls it; so do the triggers below).
-- The advisory lock serialises an org's event writers from their insert to
-- their commit, so ids become visible in id order within an org and a cursor
-- never skips an event that commits late. It is the same lock the org's audit
-- chain takes (server/services/audit/record-audit.ts): one lock per org, so a
-- transaction that audits and records events cannot deadlock on the pair.
CREATE FUNCTION bureau_record_event(
    p_org TEXT, p_type TEXT, p_subject_type TEXT, p_subject_id TEXT, p_actor_kind TEXT, p_actor_id TEXT, p_data JSONB
) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    new_id BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('audit:' || p_org));
    INSERT INTO "Event" ("orgId", "type", "subjectType", "subjectId", "actorKind", "actorId", "data")
    VALUES (p_org, p_type, p_subject_type, p_subject_id, p_actor_kind, p_actor_id, p_data)
    RETURNING "id" INTO new_id;
    PERFORM pg_notify('bureau_org_events', p_org || ':' || new_id);
    RETURN new_id;
END
$$;

-- better-auth writes invitations and memberships itself (its organization
-- plugin), outside any Bureau transaction: triggers put their events in the
-- same transaction as the row. Data shapes: server/schemas/org-events.ts.
CREATE FUNCTION bureau_invitation_event() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bureau_record_event(NEW."organizationId", 'member.invited', 'invitation', NEW."id", 'user',
        NEW."inviterId", jsonb_build_object('email', NEW."email", 'role', NEW."role"));
    RETURN NULL;
END
$$;

CREATE TRIGGER "invitation_event" AFTER INSERT ON "invitation"
    FOR EACH ROW EXECUTE FUNCTION bureau_invitation_event();

CREATE FUNCTION bureau_member_event() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM bureau_record_event(NEW."organizationId", 'member.joined', 'member', NEW."id", 'user',
        NEW."userId", jsonb_build_object('userId', NEW."userId", 'role', NEW."role"));
    RETURN NULL;
END
$$;

CREATE TRIGGER "member_event" AFTER INSERT ON "member"
    FOR EACH ROW EXECUTE FUNCTION bureau_member_event();
