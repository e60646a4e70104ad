import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getDataSet, importDataSet, listDataSets, previewDataSetImport } from './data-sets.service.ts';
import { MAX_IMPORT_BYTES } from './data-sets.schema.ts';
import { checkUploadedFile, decodeCsvBytes } from './data-sets.upload.ts';
import { ImportFormPage } from './data-sets.import.views.tsx';
import { DataSetListPage, DataSetPage } from './data-sets.views.tsx';

const OPTION_FIELDS = ['format', 'name', 'period', 'kind', 'valueLabel', 'source', 'fileName'] as const;

type Upload = { values: Record<string, string>; content: string; error?: undefined } | { values: Record<string, string>; content?: undefined; error: AppError };

/** The multipart upload: options as strings, the file checked and decoded as UTF-8 text. */
async function readUpload(c: AppContext): Promise<Upload> {
  const body = await c.req.parseBody();
  const values: Record<string, string> = {};
  for (const name of OPTION_FIELDS) if (typeof body[name] === 'string') values[name] = body[name];
  const file = body.file;
  if (!(file instanceof File) || (file.name === '' && file.size === 0)) {
    return { values, error: new AppError('validation', 'Vælg en CSV-fil.', { fields: [{ field: 'file', message: 'Vælg den CSV-fil, der skal importeres.' }] }) };
  }
  values.fileName = file.name;
  try {
    checkUploadedFile(file);
    return { values, content: decodeCsvBytes(new Uint8Array(await file.arrayBuffer())) };
  } catch (error) {
    if (error instanceof AppError) return { values, error };
    throw error;
  }
}

export function dataSetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/oekonomi/datasaet', async (c) => {
    const actor = requireActor(c);
    const dataSets = await listDataSets(c.get('deps').database.db, actor, { formats: ['folk1a', 'generic'] });
    return c.html(<DataSetListPage ctx={pageContext(c)} dataSets={dataSets} />);
  });

  app.get('/oekonomi/datasaet/importer', (c) => {
    requireActor(c, 'kkr', 'admin');
    return c.html(<ImportFormPage ctx={pageContext(c)} values={{ format: 'folk1a' }} />);
  });

  // Step 1 → 2: the dry run. Shows what the file holds; saves nothing.
  app.post('/oekonomi/datasaet/importer', async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const upload = await readUpload(c);
    if (upload.error) return c.html(<ImportFormPage ctx={pageContext(c)} values={upload.values} errors={errorsByField(upload.error.fields)} />, 422);
    try {
      const preview = await previewDataSetImport(c.get('deps').database.db, actor, upload.values, upload.content);
      const status = preview.errors.length > 0 ? 422 : 200;
      return c.html(<ImportFormPage ctx={pageContext(c)} values={upload.values} preview={preview} content={upload.content} />, status);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<ImportFormPage ctx={pageContext(c)} values={upload.values} errors={errorsByField(error.fields)} />, 422);
    }
  });

  // Step 2: the import itself, all or nothing in one transaction; a repeat finds the same data set.
  app.post('/oekonomi/datasaet', async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const db = c.get('deps').database.db;
    const body = await formBody(c);
    const values: Record<string, string> = {};
    for (const name of OPTION_FIELDS) if (typeof body[name] === 'string') values[name] = body[name];
    const encoded = typeof body.content === 'string' ? body.content : '';
    if (encoded.length > (MAX_IMPORT_BYTES * 4) / 3 + 4) {
      throw new AppError('validation', 'Filen fylder mere end 5 MB – den må højst fylde 5 MB.', { en: 'The file is larger than 5 MB.' });
    }
    let content: string;
    try {
      content = decodeCsvBytes(new Uint8Array(Buffer.from(encoded, 'base64')));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      return c.html(<ImportFormPage ctx={pageContext(c)} values={values} errors={errorsByField(error.fields)} />, 422);
    }
    try {
      const result = await db.transaction().execute((tx) => importDataSet(tx, actor, values, content));
      return c.redirect(`/oekonomi/datasaet/${result.dataSet!.id}?besked=${result.created ? 'importeret' : 'findes'}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      // The file changed meaning between preview and import (or was tampered with): show why.
      const preview = await previewDataSetImport(db, actor, values, content).catch(() => undefined);
      return c.html(<ImportFormPage ctx={pageContext(c)} values={values} errors={errorsByField(error.fields)} {...(preview ? { preview, content } : {})} />, 422);
    }
  });

  app.get('/oekonomi/datasaet/:id', async (c) => {
    const actor = requireActor(c);
    const dataSet = await getDataSet(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<DataSetPage ctx={pageContext(c)} dataSet={dataSet} message={c.req.query('besked')} />);
  });

  return app;
}
