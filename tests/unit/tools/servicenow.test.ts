// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectTool } from '@/utils/tools';
import { expectDetected, expectScreen, readScreen } from './helpers';

const NOW = 'https://acme.service-now.com';

describe('servicenow detector', () => {
  it.each([
    [`${NOW}/incident.do?sys_id=9d385017c611228701d22104cc95c371`, 'incident'],
    [`${NOW}/incident.do?sys_id=-1&sysparm_query=active=true`, 'incident'],
    [`${NOW}/incident_list.do?sysparm_query=active%3Dtrue`, 'incident-list'],
    [`${NOW}/sc_req_item.do?sys_id=aeed229047801200e0ef563dbb9a71c2`, 'sc_req_item'],
    [`${NOW}/change_request_list.do`, 'change_request-list'],
    [`${NOW}/kb_knowledge.do?sys_id=3b0fccee0a0a0b9b00d2a3a4c0d9e2c8`, 'kb_knowledge'],
    [`${NOW}/kb_view.do?sysparm_article=KB0000011`, 'kb_knowledge'],
    [`${NOW}/nav_to.do?uri=%2Fincident.do%3Fsys_id%3D9d385017c611228701d22104cc95c371`, 'incident'],
    [`${NOW}/nav_to.do?uri=change_request_list.do%3Fsysparm_query%3Dactive%3Dtrue`, 'change_request-list'],
    [`${NOW}/now/nav/ui/classic/params/target/incident.do%3Fsys_id%3D9d385017c6112287`, 'incident'],
    [`${NOW}/now/nav/ui/classic/params/target/sc_req_item_list.do%3Fsysparm_query%3D`, 'sc_req_item-list'],
    [`${NOW}/now/nav/ui/classic/params/target/%2524pa_dashboard.do`, 'dashboard'],
    [`${NOW}/now/nav/ui/home`, 'home'],
    [`${NOW}/now/sow/record/incident/9d385017c611228701d22104cc95c371`, 'incident'],
    [
      `${NOW}/now/workspace/agent/record/sn_customerservice_case/1117004f1bf7345c5b1fdcef9b4bcbb2`,
      'sn_customerservice_case',
    ],
    [`${NOW}/now/sow/list/incident`, 'incident-list'],
    [`${NOW}/now/sow/list/params/list-id/7ae4da1ec3013010965e070e9140dd66`, 'list'],
    [`${NOW}/now/sow/home`, 'home'],
    [`${NOW}/$pa_dashboard.do`, 'dashboard'],
    [`${NOW}/com.glideapp.servicecatalog_cat_item_view.do?sys_id=abc`, 'catalog'],
    [`${NOW}/sp?id=form&table=incident&sys_id=abc`, 'incident'],
    [`${NOW}/esc?id=kb_article&sys_id=abc`, 'kb_knowledge'],
    [`${NOW}/sp?id=sc_cat_item&sys_id=abc`, 'catalog'],
    [`${NOW}/esc?id=sc_category&sys_id=abc`, 'catalog'],
    [`${NOW}/esc?id=my_requests`, 'requests'],
    [`${NOW}/esc?id=ticket&table=sc_req_item&sys_id=abc`, 'sc_req_item'],
    [`${NOW}/esc?id=emp_taxonomy_topic&topic_id=abc`, 'portal'],
    // A portal's own home: an overview screen.
    [`${NOW}/esc`, 'home'],
    [`${NOW}/sp?id=index`, 'home'],
    [`${NOW}/csm/?id=landing`, 'home'],
    ['https://agency.servicenowservices.com/problem.do?sys_id=abc', 'problem'],
    [`${NOW}/now/nav/ui/classic/params/target/%E0%A4%A`, undefined],
  ])('%s → %s', (url, area) => expectDetected(url, 'servicenow', area));

  it.each([
    'https://acme.service-now.com.evil.example/incident.do?sys_id=1',
    'https://evil.example/nav_to.do?uri=acme.service-now.com/incident.do',
    'https://service-now.com/incident.do',
    'https://evilservice-now.com/incident.do',
    'https://acme.servicenow.com/incident.do',
  ])('is not fooled by %s', (url) => expect(detectTool(url)).toBeNull());

  it('reads an incident form', () => {
    const screen = readScreen('servicenow', `${NOW}/incident.do?sys_id=9d385017c611228701d22104cc95c371`);
    expectScreen(screen, 'servicenow', 'incident');
    expect(screen.context.headings).toEqual(expect.arrayContaining(['Incident INC0010023', 'Related Links']));
    expect(screen.context.keywords).toEqual(
      expect.arrayContaining([
        'Resolve',
        'Caller',
        'Assignment group',
        'In Progress',
        'Resolution Information',
      ]),
    );
  });
});
