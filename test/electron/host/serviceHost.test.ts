import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../electron/host/serviceHost';
import { tempDir } from '../../helpers/tempWorkspace';

const dir = tempDir('caio-host-');
const host = createHost();
afterAll(() => {
  host.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('service host (the utility process the desktop app runs the database in)', () => {
  it('opens the demo workspace on first launch and reopens it after', async () => {
    const first = await host.handle({ type: 'open-default', dataDir: dir });
    expect(first).toMatchObject({ type: 'opened', name: 'Demo workspace' });
    const again = await host.handle({ type: 'open-default', dataDir: dir });
    expect(again).toMatchObject({ type: 'opened', file: path.join(dir, 'Demo workspace.sqlite') });
    const info = await host.handle({ type: 'call', method: 'workspace.info', payload: {} });
    expect(info).toMatchObject({
      type: 'result',
      response: { ok: true, result: { counts: { initiatives: 9 } } },
    });
  });

  it('creates a new empty workspace and refuses to open what is not one', async () => {
    const created = await host.handle({ type: 'open', file: path.join(dir, 'new.sqlite'), create: true });
    expect(created).toMatchObject({ type: 'opened', name: 'Untitled workspace' });
    const bogus = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(bogus, 'hello');
    const refused = await host.handle({ type: 'open', file: bogus, create: false });
    expect(refused.type).toBe('error');
    expect(fs.readFileSync(bogus, 'utf8')).toBe('hello');
  });

  it('turns picked paths and uploaded bytes into opaque file ids', async () => {
    const csv = path.join(dir, 'spend.csv');
    fs.writeFileSync(csv, 'a,b\n1,2\n');
    const registered = await host.handle({ type: 'register-file', path: csv });
    expect(registered).toMatchObject({ type: 'file', file: { name: 'spend.csv', size: 8 } });
    const uploaded = await host.handle({
      type: 'upload',
      name: '../../etc/x.csv',
      data: new TextEncoder().encode('x,y\n'),
    });
    expect(uploaded).toMatchObject({ type: 'file', file: { name: 'x.csv', size: 4 } });
  });
});
