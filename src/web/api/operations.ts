// The operations of /api/v1. Each feature contributes its list; the router and the OpenAPI document
// are built from this one array.
import { activityOperations } from '../../features/activities/activities.api.ts';
import { allocationOperations } from '../../features/allocations/allocations.api.ts';
import { auditOperations } from '../../features/audit/audit.api.ts';
import { meOperations } from '../../features/auth/auth.api.ts';
import { baseGrantOperations } from '../../features/base-grants/base-grants.api.ts';
import { companyOperations } from '../../features/companies/companies.api.ts';
import { courseStatsOperations } from '../../features/course-stats/course-stats.api.ts';
import { courseOperations } from '../../features/courses/courses.api.ts';
import { dataSetOperations } from '../../features/data-sets/data-sets.api.ts';
import { municipalityOperations } from '../../features/municipalities/municipalities.api.ts';
import { organisationOperations } from '../../features/organisations/organisations.api.ts';
import { plRateOperations } from '../../features/pl-rates/pl-rates.api.ts';
import { referralOperations } from '../../features/referrals/referrals.api.ts';
import { evaluationOperations } from '../../features/evaluation/evaluation.api.ts';
import { contractOperations } from '../../features/contracts/contracts.api.ts';
import type { ApiOperation } from './operation.ts';

export const apiOperations: ApiOperation[] = [...meOperations, ...companyOperations, ...courseOperations, ...courseStatsOperations, ...organisationOperations, ...municipalityOperations, ...auditOperations, ...dataSetOperations, ...allocationOperations, ...baseGrantOperations, ...plRateOperations, ...activityOperations, ...referralOperations, ...evaluationOperations, ...contractOperations];
