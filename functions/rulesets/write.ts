import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { approveRuleChange, proposeRuleChange, rejectRuleChange, rulesDeps } from './changes';

const propose = implement(routeById('proposeRuleChange'), async ({ body, principal, requestId }) => {
  const change = await proposeRuleChange(body, principal, rulesDeps(principal, requestId));
  return { status: 201, body: change, headers: { location: `/rule-changes/${change.id}` } };
});

const approve = implement(routeById('approveRuleChange'), async ({ params, body, principal, requestId }) => ({
  body: await approveRuleChange(params.changeId, body.note, principal, rulesDeps(principal, requestId)),
}));

const reject = implement(routeById('rejectRuleChange'), async ({ params, body, principal, requestId }) => ({
  body: await rejectRuleChange(params.changeId, body.note, principal, rulesDeps(principal, requestId)),
}));

export const handler = createGroupHandler('rulesets-write', [propose, approve, reject]);
