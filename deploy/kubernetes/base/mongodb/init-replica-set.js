// Initiates the MongoDB replica set and creates (or updates) the users of the services.
// Idempotent: re-run it (delete the Job, apply the overlay again) after a password change or
// after scaling the StatefulSet up. Run by the mongodb-init Job with `mongosh --nodb`.
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const replicaSet = required('MONGODB_REPLICA_SET');
const hosts = required('MONGODB_HOSTS').split(',').map((h) => h.trim()).filter((h) => h.length > 0);
const root = `${encodeURIComponent(required('MONGODB_ROOT_USERNAME'))}:${encodeURIComponent(required('MONGODB_ROOT_PASSWORD'))}`;
const users = [
  { user: required('MONGODB_INGEST_USERNAME'), pwd: required('MONGODB_INGEST_PASSWORD'), db: required('MONGODB_INGEST_DATABASE') },
  { user: required('MONGODB_QUERY_USERNAME'), pwd: required('MONGODB_QUERY_PASSWORD'), db: required('MONGODB_QUERY_DATABASE') },
  { user: required('MONGODB_NOTIFY_USERNAME'), pwd: required('MONGODB_NOTIFY_PASSWORD'), db: required('MONGODB_NOTIFY_DATABASE') },
];

function retry(what, action, attempts = 60, delayMs = 5000) {
  for (let attempt = 1; ; attempt++) {
    try {
      return action();
    } catch (e) {
      if (attempt >= attempts) throw e;
      print(`${what}: ${e.message} (attempt ${attempt} of ${attempts}, retrying)`);
      sleep(delayMs);
    }
  }
}

// 1. Initiate the replica set through the first member, once every member answers.
const first = retry(`connect to ${hosts[0]}`, () => {
  const c = new Mongo(`mongodb://${root}@${hosts[0]}/admin?authSource=admin&directConnection=true`);
  c.getDB('admin').runCommand({ ping: 1 });
  return c;
});
let initiated = true;
try {
  first.getDB('admin').runCommand({ replSetGetStatus: 1 });
} catch (e) {
  if (e.code !== 94) throw e; // 94 = NotYetInitialized
  initiated = false;
}
if (!initiated) {
  const config = { _id: replicaSet, members: hosts.map((host, i) => ({ _id: i, host, priority: i === 0 ? 2 : 1 })) };
  retry('replSetInitiate', () => first.getDB('admin').runCommand({ replSetInitiate: config }));
  print(`initiated replica set ${replicaSet}: ${hosts.join(', ')}`);
}

// 2. From now on talk to the primary.
const primary = retry('connect to the primary', () => {
  const c = new Mongo(`mongodb://${root}@${hosts.join(',')}/admin?authSource=admin&replicaSet=${replicaSet}`);
  c.getDB('admin').runCommand({ ping: 1 });
  return c;
});
const admin = primary.getDB('admin');

// 3. Members that the configuration lacks (a scale-up) join one at a time.
for (const host of hosts) {
  retry(`add ${host}`, () => {
    const config = admin.runCommand({ replSetGetConfig: 1 }).config;
    if (config.members.some((m) => m.host === host)) return;
    config.members.push({ _id: Math.max(...config.members.map((m) => Number(m._id))) + 1, host });
    config.version = Number(config.version) + 1;
    admin.runCommand({ replSetReconfig: config });
    print(`added ${host} to ${replicaSet}`);
  });
}

// 4. Each service's user lives in its own database (its authSource) and may readWrite that database, nothing else.
for (const u of users) {
  const roles = [{ role: 'readWrite', db: u.db }];
  const home = primary.getDB(u.db);
  retry(`user ${u.user}`, () => {
    const exists = home.runCommand({ usersInfo: u.user }).users.length > 0;
    if (exists) {
      home.runCommand({ updateUser: u.user, pwd: u.pwd, roles, writeConcern: { w: 'majority' } });
    } else {
      home.runCommand({ createUser: u.user, pwd: u.pwd, roles, writeConcern: { w: 'majority' } });
    }
  });
  print(`user ${u.user} of database ${u.db}: readWrite on ${u.db}`);
}
print('MongoDB replica set ready');
