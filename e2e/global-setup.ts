import { generateE2eFixtures } from './support/generateFixtures.ts';

export default async function globalSetup(): Promise<void> {
  await generateE2eFixtures();
}
