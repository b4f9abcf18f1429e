import { generateE2eFixtures } from './support/generateFixtures.ts';
import { generateKindFixtures } from './support/generateKindFixtures.ts';

export default async function globalSetup(): Promise<void> {
  await generateE2eFixtures();
  await generateKindFixtures();
}
