import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '#domain';

export const ALLOWED_ROLES = 'caseledger:allowed-roles';
export const PUBLIC_ROUTE = 'caseledger:public';

/** Roles that may call the route (admin always may). */
export const Allowed = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);
/** No token needed (health, metrics, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
/** Every authenticated role. */
export const EVERY_ROLE: Role[] = [...ROLES];
