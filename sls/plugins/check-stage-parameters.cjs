'use strict';
// Serverless plugin: before anything is packaged, every function's environment (stage parameters resolved) is
// validated with the same code the function runs at cold start, and only with the settings that function reads.
// A malformed value stops `serverless package` / `serverless deploy` with the variable named; nothing is built.
const { require: requireTypeScript } = require('tsx/cjs/api');

class CheckStageParameters {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = {
      'before:package:initialize': () => this.check(),
    };
  }

  check() {
    const { checkStageParameters } = requireTypeScript('../../lib/config/deploy-check.ts', __filename);
    const { service } = this.serverless;
    const functions = Object.fromEntries(
      service.getAllFunctions().map((name) => [name, service.getFunction(name)]),
    );
    const problems = checkStageParameters({
      region: service.provider.region,
      providerEnvironment: service.provider.environment ?? {},
      functions,
    });
    if (problems.length === 0) return;
    const lines = problems.map((p) => `  function ${p.functionName}: ${p.message}`);
    throw new this.serverless.classes.Error(
      `nat-optimizer: stage parameters that would stop a function at cold start:\n${lines.join('\n')}`,
    );
  }
}

module.exports = CheckStageParameters;
