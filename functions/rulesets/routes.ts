import { ALL_ROLES } from '../http/roles';
import { defineRoute, type RouteSpec } from '../http/route-spec';
import {
  rulesetListResponse,
  rulesetParams,
  rulesetResponse,
  rulesetsQuery,
  simulationBody,
  simulationResponse,
} from './schemas';

export const RULESET_ROUTES = [
  defineRoute({
    id: 'listRulesets',
    method: 'GET',
    path: '/rulesets',
    group: 'rulesets',
    summary: 'The rulesets in force for a month (national and the caller’s tenant) with their versions',
    tags: ['rulesets'],
    roles: ALL_ROLES,
    query: rulesetsQuery,
    response: rulesetListResponse,
  }),
  defineRoute({
    id: 'getRuleset',
    method: 'GET',
    path: '/rulesets/{id}',
    group: 'rulesets',
    summary: 'Every rule in force for a month, each value with its source and confidence',
    tags: ['rulesets'],
    roles: ALL_ROLES,
    params: rulesetParams,
    query: rulesetsQuery,
    response: rulesetResponse,
  }),
  defineRoute({
    id: 'simulatePayslip',
    method: 'POST',
    path: '/simulations/payslip',
    group: 'simulations',
    summary: 'What-if payslip from the stored data with imagined performance/discipline; stores nothing',
    tags: ['rulesets'],
    roles: ['pegawai', 'operator', 'bkpsdm'],
    body: simulationBody,
    response: simulationResponse,
  }),
] as const satisfies readonly RouteSpec[];
