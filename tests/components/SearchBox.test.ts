import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import SearchBox from '../../components/search/SearchBox.vue'

describe('SearchBox', () => {
  it('is a plain GET form to /search that works before the app loads', async () => {
    const box = await mountSuspended(SearchBox, { props: { query: '建材' } })
    const form = box.get('form')
    expect(form.attributes('action')).toBe('/search')
    expect(form.attributes('method')).toBe('get')
    expect(form.attributes('role')).toBe('search')
    const input = box.get('input')
    expect(input.attributes('name')).toBe('q')
    expect((input.element as HTMLInputElement).value).toBe('建材')
  })

  it('labels its field for screen readers and can search elsewhere', async () => {
    const box = await mountSuspended(SearchBox, { props: { action: '/commitments', label: '承诺主体或编号' } })
    expect(box.get('form').attributes('action')).toBe('/commitments')
    expect(box.get('label[for="search-q"]').text()).toBe('承诺主体或编号')
  })
})
