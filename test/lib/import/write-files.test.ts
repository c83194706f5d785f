import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportBusyError, interruptedImport, recoverImport, writePlannedFiles, type WriteStep } from '../../../src/lib/import/write-files.ts';

let content: string;
beforeEach(() => {
  content = mkdtempSync(join(tmpdir(), 'icc-write-'));
  mkdirSync(join(content, 'cities'));
  writeFileSync(join(content, 'cities', 'oslo.yaml'), 'name: Oslo\n');
});
afterEach(() => rmSync(content, { recursive: true, force: true }));

const files = () => [
  { absolutePath: join(content, 'cities', 'bergen.yaml'), content: 'name: Bergen\n' },
  { absolutePath: join(content, 'cities', 'oslo.yaml'), content: 'name: Oslo (new)\n' },
  { absolutePath: join(content, 'practices', 'en', 'new-idea.md'), content: '---\ntitle: New idea\n---\n' },
];
const options = { source: 'test.csv', now: '2026-12-01T10:00:00.000Z' };
const tree = () => readdirSync(content, { recursive: true }).map(String).sort();
/** A crash at one point of the write, as a thrown error from the observer. */
const crashAt = (point: string) => (step: WriteStep) => {
  if ((step.step === 'renamed' ? `renamed:${step.done}` : step.step) === point) throw new Error(`crash after ${point}`);
};

describe('writePlannedFiles', () => {
  it('writes every file, replacing existing ones, and leaves no staging folder', () => {
    writePlannedFiles(files(), content, options);
    expect(readFileSync(join(content, 'cities', 'oslo.yaml'), 'utf8')).toBe('name: Oslo (new)\n');
    expect(readFileSync(join(content, 'practices', 'en', 'new-idea.md'), 'utf8')).toBe('---\ntitle: New idea\n---\n');
    expect(tree()).toEqual(['cities', 'cities/bergen.yaml', 'cities/oslo.yaml', 'practices', 'practices/en', 'practices/en/new-idea.md']);
  });

  it('changes nothing when stopped before its journal is written, and the next run removes what it staged', () => {
    expect(() => writePlannedFiles(files(), content, { ...options, onStep: crashAt('staged') })).toThrow('crash after staged');
    expect(readFileSync(join(content, 'cities', 'oslo.yaml'), 'utf8')).toBe('name: Oslo\n');
    expect(existsSync(join(content, 'cities', 'bergen.yaml'))).toBe(false);
    expect(interruptedImport(content)).toBeUndefined();
    expect(recoverImport(content)).toEqual({ action: 'rolled-back', staged: 3 });
    expect(tree().filter((path) => path.startsWith('.import'))).toEqual([]);
  });

  it('is completed by the next run when stopped while it moved files into place', () => {
    expect(() => writePlannedFiles(files(), content, { ...options, onStep: crashAt('renamed:1') })).toThrow('crash after renamed:1');
    expect(existsSync(join(content, 'cities', 'bergen.yaml'))).toBe(true);
    expect(existsSync(join(content, 'practices', 'en', 'new-idea.md'))).toBe(false);
    expect(interruptedImport(content)?.files).toHaveLength(3);
    expect(recoverImport(content)).toEqual({ action: 'completed', source: 'test.csv', startedAt: options.now, moved: 2, total: 3 });
    expect(readFileSync(join(content, 'cities', 'oslo.yaml'), 'utf8')).toBe('name: Oslo (new)\n');
    expect(readFileSync(join(content, 'practices', 'en', 'new-idea.md'), 'utf8')).toBe('---\ntitle: New idea\n---\n');
    expect(tree().filter((path) => path.startsWith('.import'))).toEqual([]);
  });

  it('removes its staging and changes nothing when a file cannot be staged', () => {
    writeFileSync(join(content, 'practices'), 'a file where a folder should be');
    expect(() => writePlannedFiles(files(), content, options)).toThrow(/ENOTDIR|EEXIST/);
    expect(tree()).toEqual(['cities', 'cities/oslo.yaml', 'practices']);
    expect(readFileSync(join(content, 'cities', 'oslo.yaml'), 'utf8')).toBe('name: Oslo\n');
  });

  it('refuses to run beside another live import', () => {
    mkdirSync(join(content, '.import'));
    writeFileSync(join(content, '.import', 'owner.json'), JSON.stringify({ pid: process.ppid }));
    expect(() => recoverImport(content)).toThrow(new ImportBusyError(`another import (process ${process.ppid}) is writing files into ${content}: wait for it to finish, then run this one again`));
    expect(() => writePlannedFiles(files(), content, options)).toThrow(ImportBusyError);
  });

  it('never moves a file outside the content folder from a damaged journal', () => {
    mkdirSync(join(content, '.import'));
    writeFileSync(join(content, '.import', 'journal.json'), JSON.stringify({ version: 1, source: 'x.csv', startedAt: '', files: [{ staged: '../../etc/passwd', target: 'cities/x.yaml' }] }));
    expect(() => recoverImport(content)).toThrow(`${join(content, '.import', 'journal.json')} names a file outside the content folder: ../../etc/passwd`);
  });

  it('has nothing to recover in a clean content folder', () => {
    expect(recoverImport(content)).toEqual({ action: 'none' });
  });
});
