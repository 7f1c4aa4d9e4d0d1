import type { FastifyInstance } from 'fastify';

export type RouteModule = (app: FastifyInstance) => Promise<void>;

/**
 * One feature of the web layer (a folder of src/web): its route modules by where routes.ts mounts
 * them. `staff` modules serve /staff/:office/… behind staffGuard (each route declares a
 * permission); `api` modules serve /api/…; `public` modules everything else (portal pages,
 * sign-in, health checks). Order inside a list is the order of registration.
 */
export interface Feature {
  name: string;
  api?: RouteModule[];
  staff?: RouteModule[];
  public?: RouteModule[];
}
