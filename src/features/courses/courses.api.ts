import { z } from 'zod';
import { guidanceCategories } from '../../domain/guidance/guidance.types.ts';
import { defineOperation } from '../../web/api/operation.ts';
import { courseInput, courseResponse, meetingInput } from './courses.schema.ts';
import { addMeeting, createCourse, getCourse, listCourses } from './courses.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'uuid' }) });

export const courseOperations = [
  defineOperation({
    method: 'get',
    path: '/courses',
    operationId: 'listCourses',
    summary: 'Forløb hos virksomheder i din region; `year` efter årstællereglen (et møde i året, eller ingen møder og start i året)',
    tag: 'Forløb',
    roles: [],
    query: z.object({
      category: z.enum(guidanceCategories).optional(),
      hub: z.string().optional().meta({ description: 'Erhvervshusets id, fx nordjylland' }),
      year: z.coerce.number().int().min(2000).max(2100).optional(),
      page: z.coerce.number().int().min(1).default(1),
    }),
    response: z.object({ total: z.number().int(), courses: z.array(courseResponse) }),
    handler: async (c, actor, { query }) =>
      listCourses(c.get('deps').database.db, actor, { category: query.category, businessHubId: query.hub, year: query.year }, query.page),
  }),
  defineOperation({
    method: 'get',
    path: '/courses/:id',
    operationId: 'getCourse',
    summary: 'Ét forløb med mødedatoer',
    tag: 'Forløb',
    roles: [],
    params: idParams,
    response: courseResponse,
    handler: async (c, actor, { params }) => getCourse(c.get('deps').database.db, actor, params.id),
  }),
  defineOperation({
    method: 'post',
    path: '/companies/:id/courses',
    operationId: 'createCourse',
    summary: 'Registrér et forløb hos en virksomhed (for din organisation)',
    tag: 'Forløb',
    roles: ['adviser', 'manager', 'admin'],
    params: idParams,
    body: courseInput,
    response: courseResponse,
    status: 201,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => createCourse(tx, actor, params.id, body));
    },
  }),
  defineOperation({
    method: 'post',
    path: '/courses/:id/meetings',
    operationId: 'addCourseMeeting',
    summary: 'Registrér et møde i et af din organisations forløb',
    tag: 'Forløb',
    roles: ['adviser', 'manager', 'admin'],
    params: idParams,
    body: meetingInput,
    response: courseResponse,
    status: 201,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => addMeeting(tx, actor, params.id, body));
    },
  }),
];
