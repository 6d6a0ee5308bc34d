import { expect, expectNoViolations, test } from './fixtures'

const PAGES = {
  home: '/',
  article: '/news/inspectors-rate-force-good-at-vetting',
  category: '/news/category/community',
  search: '/search?q=police',
  'empty search': '/search?q=zyzzogeton',
  'accessibility statement': '/accessibility',
  'not found': '/no-such-page',
  // A release of each kind of police release, from the demo content, and the listing of one kind.
  'appeal for information': '/news/appeal-cash-machine-raid-fenwick',
  'wanted person': '/news/wanted-appeal',
  'court result': '/news/man-jailed-for-stealing-tools-from-vans',
  'missing person found': '/news/missing-person-appeal',
  'appeals listing': '/news?kind=appeal',
}

for (const [name, path] of Object.entries(PAGES)) {
  test(`axe finds no WCAG 2.2 AA violations on the ${name} page`, async ({ page, site }) => {
    await page.goto(site + path)
    await expectNoViolations(page, name)
  })
}

test('the keyboard reaches the skip link first, then the quick exit, and the skip link moves focus to the content', async ({
  page,
  site,
}) => {
  await page.goto(site + PAGES.article)
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Skip to main content' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeVisible()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Leave this site' })).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(skip).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('main')).toBeFocused()
})
