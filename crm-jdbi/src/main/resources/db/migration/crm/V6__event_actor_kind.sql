-- Events record which kind of principal acted: a member (actor_id is a user id) or an API key of the
-- organization (actor_id is the key's id). A plain VARCHAR with a CHECK, like the seed's other closed
-- vocabularies, so a new kind is one constraint change. Existing rows were all written by members.
ALTER TABLE crm.domain_events
    ADD COLUMN actor_kind VARCHAR(20),
    ADD CONSTRAINT ck_domain_events_actor_kind CHECK (actor_kind IN ('user', 'api_key'));
UPDATE crm.domain_events SET actor_kind = 'user' WHERE actor_id IS NOT NULL;
-- An actor always comes with its kind, and a kind only with an actor.
ALTER TABLE crm.domain_events
    ADD CONSTRAINT ck_domain_events_actor CHECK ((actor_id IS NULL) = (actor_kind IS NULL));
COMMENT ON COLUMN crm.domain_events.actor_kind IS 'user (actor_id is a user id) or api_key (actor_id is an API key id).';

INSERT INTO crm.schema_versions (version, description)
VALUES (6, 'domain events: actor kind')
ON CONFLICT (version) DO NOTHING;
