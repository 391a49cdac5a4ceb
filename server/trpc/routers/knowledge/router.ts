import "server-only";
import { createTRPCRouter } from "../../init";
import { createEntityProcedure } from "./create-entity";
import { entityProcedure } from "./entity";
import { exportProcedure, importProcedure } from "./export-import";
import { historyProcedure } from "./history";
import { listEntitiesProcedure } from "./list-entities";
import { neighbourhoodProcedure } from "./neighbourhood";
import { addObservationProcedure, retractObservationProcedure } from "./observations";
import { policiesProcedure, scopesProcedure, setPolicyProcedure } from "./policies";
import { decideProposalProcedure, proposalsProcedure } from "./proposals";
import { relateProcedure, unrelateProcedure } from "./relations";
import { saveArtifactProcedure } from "./save-artifact";
import { searchProcedure } from "./search";
import { archiveEntityProcedure, updateEntityProcedure } from "./update-entity";

/**
 * The knowledge graph (issue 15 §2). Every member reads what the scope rule
 * lets them see (server/services/knowledge/knowledge-access.ts); members
 * write org-wide knowledge, a department's leads (and owners and admins)
 * its own; viewers read only. The services check, so REST is held to the
 * same rule.
 */
export const knowledgeRouter = createTRPCRouter({
  search: searchProcedure,
  entities: listEntitiesProcedure,
  entity: entityProcedure,
  history: historyProcedure,
  neighbourhood: neighbourhoodProcedure,
  createEntity: createEntityProcedure,
  updateEntity: updateEntityProcedure,
  archiveEntity: archiveEntityProcedure,
  addObservation: addObservationProcedure,
  retractObservation: retractObservationProcedure,
  relate: relateProcedure,
  unrelate: unrelateProcedure,
  saveArtifact: saveArtifactProcedure,
  export: exportProcedure,
  import: importProcedure,
  proposals: proposalsProcedure,
  decideProposal: decideProposalProcedure,
  scopes: scopesProcedure,
  policies: policiesProcedure,
  setPolicy: setPolicyProcedure,
});
