// Drives a Kizuna node with the real TAK clients (node-tak, node-cot); run by TakClientsCompatibilityTests.
// Steps: enrollment, streaming, a data package, a mission (create, subscribe, contents, change log, notice).
// Environment: KIZUNA_HTTPS (https://localhost:PORT), KIZUNA_COT (ssl://localhost:PORT), KIZUNA_CA (PEM file),
// KIZUNA_USER / KIZUNA_PASSWORD (the user that enrolls), KIZUNA_READER_CERT / KIZUNA_READER_KEY (PEM files of another
// user's certificate, who should receive the enrolled user's report). Prints one JSON line of what it saw.
import fs from 'node:fs';
import crypto from 'node:crypto';
import TAK, { APIAuthPassword, APIAuthCertificate } from '@tak-ps/node-tak';
import TAKAPI from '@tak-ps/node-tak/lib/api';
import { CoTParser } from '@tak-ps/node-cot';
import { FormData } from 'undici'; // node-tak's own undici (Node's global FormData is another copy's)

const env = (name) => {
  const v = process.env[name];
  if (!v) throw new Error('missing ' + name);
  return v;
};
const ca = fs.readFileSync(env('KIZUNA_CA'), 'utf8');
const seen = {};
const timeout = (ms, what) => new Promise((_, reject) => setTimeout(() => reject(new Error('timed out: ' + what)), ms));

// 1. enrollment: a certificate for a user name and password (tls/config, tls/signClient/v2)
const enrolling = new TAKAPI(new URL(env('KIZUNA_HTTPS')), new APIAuthPassword(env('KIZUNA_USER'), env('KIZUNA_PASSWORD')));
const creds = await enrolling.Credentials.generate();
seen.enrolled = creds.cert.includes('BEGIN CERTIFICATE');

// 2. streaming over mutual TLS with the enrolled certificate; the reader connects with its own
const reader = await TAK.connect(new URL(env('KIZUNA_COT')), {
  cert: fs.readFileSync(env('KIZUNA_READER_CERT'), 'utf8'), key: fs.readFileSync(env('KIZUNA_READER_KEY'), 'utf8'), ca, rejectUnauthorized: true,
});
const sender = await TAK.connect(new URL(env('KIZUNA_COT')), { cert: creds.cert, key: creds.key, ca, rejectUnauthorized: true });
const uid = 'compat-' + crypto.randomUUID();
const received = new Promise((resolve) => reader.on('cot', (cot) => {
  if (cot.uid() === uid) resolve(cot);
}));
const pong = new Promise((resolve) => sender.on('ping', resolve));
await Promise.race([pong, timeout(15000, 'an answer to the ping')]);
seen.pinged = true;
const now = new Date();
const xml = `<event version="2.0" uid="${uid}" type="a-f-G-U-C" how="m-g" time="${now.toISOString()}" start="${now.toISOString()}" `
  + `stale="${new Date(now.getTime() + 120000).toISOString()}"><point lat="35.68" lon="139.76" hae="10" ce="5" le="5"/>`
  + `<detail><contact callsign="COMPAT-1"/></detail></event>`;
await sender.write([CoTParser.from_xml(xml)]);
const got = await Promise.race([received, timeout(20000, 'the report in the reader\'s picture')]);
seen.received = got.uid() === uid;

// 3. data packages through the REST API with the enrolled certificate
const api = new TAKAPI(new URL(env('KIZUNA_HTTPS')), new APIAuthCertificate(creds.cert, creds.key));
const body = Buffer.from('compatibility package ' + uid);
const hash = crypto.createHash('sha256').update(body).digest('hex');
// node-tak 12's Files.uploadPackage appends a Node stream to undici's FormData, which sends it as the text
// "[object Object]" rather than a file; the same call through node-tak's fetch with the file as a Blob:
const url = new URL('/Marti/sync/missionupload', env('KIZUNA_HTTPS'));
for (const [k, v] of Object.entries({ filename: 'compat.zip', creatorUid: uid, hash, keyword: 'missionpackage' })) url.searchParams.append(k, v);
const form = new FormData();
form.append('assetfile', new Blob([body], { type: 'application/zip' }), 'compat.zip');
seen.uploadUrl = String(await api.fetch(url, { method: 'POST', body: form }));
const list = await api.Package.list({});
seen.listed = list.results.some((p) => p.Hash === hash);
seen.listedLabel = (list.results.find((p) => p.Hash === hash) || {}).Label || null;

// 4. a mission (DataSync) through node-tak's Mission API: created, subscribed to, the package put in it; the
// subscription's notice of that change (t-x-m-c) arrives on the enrolled user's CoT stream
const missionName = 'compat ' + uid.slice(-12);
const notice = new Promise((resolve) => sender.on('cot', (cot) => {
  if (cot.type() === 't-x-m-c' && JSON.stringify(cot.raw).includes(missionName)) resolve(cot);
}));
const mission = await api.Mission.create({ name: missionName, creatorUid: uid, description: 'node-tak compatibility' });
seen.missionCreated = mission.name === missionName && typeof mission.guid === 'string';
seen.missionLabel = mission.classification || null;
const subscription = await api.Mission.subscribe(missionName, { uid });
seen.subscribed = subscription.data.clientUid === uid;
seen.subscribers = (await api.Mission.subscriptions(missionName)).data;
// a file as ATAK's Data Sync sends one for a mission (/Marti/sync/upload), through node-tak's Files.upload
const file = Buffer.from('compatibility file ' + uid);
const uploaded = await api.Files.upload({ name: 'compat-notes.txt', contentLength: file.length, keywords: ['compat'], creatorUid: uid }, file);
seen.fileUploaded = uploaded.Hash === crypto.createHash('sha256').update(file).digest('hex');
await api.Mission.attachContents(missionName, { hashes: [hash, uploaded.Hash] });
const fetched = await api.Mission.get(missionName, {});
seen.missionContents = fetched.contents.map((c) => c.data.hash);
seen.missionHasPackage = seen.missionContents.includes(hash) && seen.missionContents.includes(uploaded.Hash);
const changes = await api.Mission.changes(missionName, {});
seen.missionChanges = changes.data.map((c) => c.type);
const told = await Promise.race([notice, timeout(20000, 'the mission change notice on the CoT stream')]);
seen.noticed = told.type() === 't-x-m-c' && JSON.stringify(told.raw).includes(hash);
seen.missionListed = (await api.Mission.list({})).data.some((m) => m.name === missionName);

sender.destroy();
reader.destroy();
console.log(JSON.stringify(seen));
process.exit(0);
