/** The build handed to Astro by src/site/handoff.ts (undefined under `astro sync`, and once the build is done). */
declare module 'virtual:proofbook/build' {
  const build: () => import('./site/handoff.ts').SiteBuild | undefined;
  export default build;
}
