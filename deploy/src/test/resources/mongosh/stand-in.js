// Runs a mongosh script under Node.js against a stand-in for mongosh's Mongo, print and sleep. Every command the
// script sends is answered as a new, not yet initiated replica set would answer it, and recorded; the record is
// printed as one JSON array. The script runs RUNS times (default 1) over the same state: a second run shows what
// a re-run of an idempotent script does.   node stand-in.js SCRIPT
'use strict';
const fs = require('fs');
const vm = require('vm');

const state = { config: null, users: [] };
const commands = [];

class StandInDatabase {
  constructor(run, url, name) {
    Object.assign(this, { run, url, name });
  }

  runCommand(command) {
    commands.push({ run: this.run, url: this.url, db: this.name, command });
    const verb = Object.keys(command)[0];
    switch (verb) {
      case 'ping':
        return { ok: 1 };
      case 'replSetGetStatus':
        if (!state.config) {
          const error = new Error('no replset config has been received');
          error.code = 94;
          throw error;
        }
        return { ok: 1 };
      case 'replSetInitiate':
        state.config = { ...command.replSetInitiate, version: 1 };
        return { ok: 1 };
      case 'replSetGetConfig':
        return { ok: 1, config: JSON.parse(JSON.stringify(state.config)) };
      case 'replSetReconfig':
        state.config = command.replSetReconfig;
        return { ok: 1 };
      case 'usersInfo':
        return { ok: 1, users: state.users.filter((u) => u.db === this.name && u.user === command.usersInfo) };
      case 'createUser':
        state.users.push({ db: this.name, user: command.createUser });
        return { ok: 1 };
      case 'updateUser':
        return { ok: 1 };
      default:
        throw new Error(`the stand-in does not answer ${verb}`);
    }
  }
}

const script = fs.readFileSync(process.argv[2], 'utf8');
const runs = Number(process.env.RUNS || '1');
for (let run = 1; run <= runs; run++) {
  const context = vm.createContext({
    process: { env: process.env },
    print: (...args) => process.stderr.write(`${args.join(' ')}\n`),
    sleep: () => {},
    Mongo: class {
      constructor(url) {
        this.url = url;
      }

      getDB(name) {
        return new StandInDatabase(run, this.url, name);
      }
    },
  });
  vm.runInContext(script, context, { filename: process.argv[2] });
}
process.stdout.write(JSON.stringify(commands));
