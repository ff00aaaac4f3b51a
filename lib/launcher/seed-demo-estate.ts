import "server-only";

export interface DemoEstate {
  /** Variables the web and worker processes need to reach the stand-in AWS. */
  childEnv: Record<string, string>;
  summary: string[];
  stop(): Promise<void>;
}

/** The sample AWS estate of the demo (filled in by the inventory stage). */
export async function seedDemoEstate(): Promise<DemoEstate | null> {
  return null;
}
