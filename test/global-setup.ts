// Every vitest run tests the dist/ built from the current sources.
export default async function setup(): Promise<void> {
  // @ts-expect-error: the build script is plain ESM JavaScript without type declarations.
  const { build } = (await import("../scripts/build.mjs")) as {
    build: (o: { quiet: boolean }) => Promise<unknown>;
  };
  await build({ quiet: true });
}
