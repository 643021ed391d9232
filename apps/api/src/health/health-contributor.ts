/** Something that reports its own health and metrics (the projection runner, the Kafka publisher). */
export interface HealthContributor {
  name: string;
  health(headPosition: number | null): Promise<{ ready?: boolean } & Record<string, unknown>>;
  metrics(headPosition: number): Promise<string[]>;
}

export const HEALTH_CONTRIBUTORS = Symbol('HealthContributors');
