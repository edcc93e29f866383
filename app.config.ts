export default defineAppConfig({
  ui: { colors: { primary: 'red', neutral: 'slate' } },
})
