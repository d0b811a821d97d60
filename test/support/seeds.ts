/** Stored settings in the current (version 2) shape, for tests that start from a saved state. */
export function seededKey(secret: string, label = 'Seeded') {
  return { keyring: { keys: [{ id: 'key-seed', label, remember: true, secret }], activeId: 'key-seed' } };
}

export function seededList(models: string[], name = 'Favourites') {
  return { favouriteLists: { lists: [{ id: 'list-seed', name, models }], activeId: 'list-seed' } };
}
