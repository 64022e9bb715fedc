import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'api:public-route';

/** API.md: everything needs a bearer token except GET /health, /docs and /docs-json. */
export const PublicRoute = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
