import base from './drizzle.config.ts';
export default { ...base, out: "../../../tmp/terbuka-drift-98WFi2/migrations" };
