-- Bureau's built-in manager: the agent of every MANAGER task (a request to a
-- department or to the whole company). Its work is done by the company
-- service (server/services/company/requests): it is never called at an
-- endpoint, never listed (DRAFT, owned by the Bureau system org, which has
-- no members, so nobody can run, edit or submit it) and has no price.
INSERT INTO "organization" (id, name, slug, "createdAt")
VALUES ('bureau-system', 'Bureau', 'bureau-system', now())
ON CONFLICT DO NOTHING;

INSERT INTO "Agent" (id, "orgId", slug, name, description, "endpointUrl", "pricePerTask", status, categories, tags,
                     "inputModes", "outputModes", "createdAt", "updatedAt")
VALUES ('bureau-manager', 'bureau-system', 'bureau-manager', 'Bureau Manager',
        'Routes or plans a request to a department or the whole company across its hired positions.',
        'internal:bureau-manager', 0, 'DRAFT', '{}', '{}', '{text/plain}', '{text/plain,text/markdown}', now(), now())
ON CONFLICT DO NOTHING;
