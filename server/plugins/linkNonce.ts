/**
 * nuxt-security writes the nonce on <link> tags as well as scripts. Browsers hide a nonce from the DOM, so the
 * client's head manager no longer recognises the server's tags and adds them again (a second manifest link).
 * Under the portal's policy ('self' plus the nonce for inline scripts) a link needs no nonce: take it off once
 * the page is complete (render:response runs after every render:html hook, nuxt-security's included).
 */
const linkNonce = /(<link\b[^>]*?)\snonce="[^"]*"/gi

export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('render:response', (response) => {
    if (typeof response.body === 'string') response.body = response.body.replace(linkNonce, '$1')
  })
})
