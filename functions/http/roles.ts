import { ROLES } from '../../core/auth/principal';

/** Every authenticated role: routes any tenant user may call. */
export const ALL_ROLES = ROLES;
